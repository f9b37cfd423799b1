// Reading a follow-up reply (see reply.h).
#include "reply.h"

#include <sodium.h>

#include <span>

#include "app.h"
#include "core/envelope_types.h"
#include "platform_web.h"
#include "sealing.h"
#include "web_bridge.h"

namespace app {

namespace {
void Wipe(std::string* s) {
  sodium_memzero(s->data(), s->size());
  s->clear();
}
}  // namespace

void CheckReply() {
  ReplyCheck& r = Get().reply;
  r.state = ReplyCheck::State::checking;
  r.asked = false;
  sealing::Load();
  ContinueReply();
}

void ContinueReply() {
  ReplyCheck& r = Get().reply;
  if (r.state != ReplyCheck::State::checking || r.asked)
    return;
  if (sealing::GetState() == sealing::State::failed) {
    r.state = ReplyCheck::State::failed;
    return;
  }
  if (sealing::GetState() != sealing::State::ready)
    return;  // its arrival draws the next frame
  const nlohmann::json answer = sealing::Call("lookup", {{"code", r.typed}});
  const auto lookup_id = signaal::hex_array<32>(answer.value("lookup_id", ""));
  if (answer.value("status", "") != "ok" || !lookup_id) {
    r.state = ReplyCheck::State::bad_code;
    return;
  }
  r.asked = true;
  bridge::FetchReply(*lookup_id);
}

void ReplyArrived(const std::uint8_t* data, std::size_t size) {
  ReplyCheck& r = Get().reply;
  if (r.state != ReplyCheck::State::checking)
    return;  // left meanwhile: the answer is dropped unread
  if (data == nullptr) {
    r.state = ReplyCheck::State::failed;
  } else {
    nlohmann::json answer = sealing::Call("open_reply", {{"code", r.typed}, {"reply", signaal::to_hex(std::span(data, size))}});
    if (answer.value("status", "") == "ok") {
      r.date = answer.value("date", "");
      r.text = answer.value("text", "");
      Wipe(&answer["text"].get_ref<std::string&>());
      r.state = ReplyCheck::State::shown;
    } else {
      r.state = ReplyCheck::State::none;  // no reply stored: the intake answered random bytes
    }
  }
  platform::RequestRedraw();
}

void ForgetReply() {
  ReplyCheck& r = Get().reply;
  Wipe(&r.typed);
  Wipe(&r.text);
  r = ReplyCheck{};
}

}  // namespace app

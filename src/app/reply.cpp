// Reading a follow-up reply (see reply.h).
#include "reply.h"

#include <sodium.h>

#include <span>

#include "app.h"
#include "platform_web.h"
#include "web_bridge.h"

namespace app {

void CheckReply() {
  ReplyCheck& r = Get().reply;
  if (signaal::derive_follow_up_keys(r.typed, &r.keys) != signaal::FollowUpStatus::ok) {
    r.state = ReplyCheck::State::bad_code;
    return;
  }
  r.state = ReplyCheck::State::checking;
  bridge::FetchReply(r.keys.lookup_id);
}

void ReplyArrived(const std::uint8_t* data, std::size_t size) {
  ReplyCheck& r = Get().reply;
  if (r.state != ReplyCheck::State::checking)
    return;  // left meanwhile: the answer is dropped unread
  if (data == nullptr) {
    r.state = ReplyCheck::State::failed;
  } else {
    // No reply stored: the intake answers random bytes of the same size, which fail the magic.
    const signaal::ReplyStatus status = signaal::open_reply(std::span(data, size), r.keys, &r.reply);
    r.state = status == signaal::ReplyStatus::ok ? ReplyCheck::State::shown : ReplyCheck::State::none;
  }
  sodium_memzero(r.keys.lookup_id.data(), r.keys.lookup_id.size());
  r.keys = signaal::FollowUpKeys{};
  platform::RequestRedraw();
}

void ForgetReply() {
  ReplyCheck& r = Get().reply;
  sodium_memzero(r.typed.data(), r.typed.size());
  sodium_memzero(r.reply.text.data(), r.reply.text.size());
  sodium_memzero(r.keys.lookup_id.data(), r.keys.lookup_id.size());
  r = ReplyCheck{};
}

}  // namespace app

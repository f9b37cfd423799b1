// Reading the organisation's reply to a report sent with a follow-up code
// (docs/envelope.md section 5): the code typed in, its lookup id sent to the intake only
// when the person asks, the answer opened inside wasm with the key derived from the code.
// Nothing of the code or the reply is stored, and both are wiped when the screen is left.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/follow_up.h"
#include "core/follow_up_reply.h"

namespace app {

struct ReplyCheck {
  enum class State { typing, checking, none, bad_code, failed, shown };
  State state = State::typing;
  std::string typed;              // the code as typed
  signaal::FollowUpKeys keys;     // derived while a request is out
  signaal::ReplyContent reply;    // what the organisation wrote
};

// "Look for a reply": a code that does not check out is said at once, without a request.
void CheckReply();
// The page's answer: the intake's 4 184 bytes, or nothing when it could not be reached.
void ReplyArrived(const std::uint8_t* data, std::size_t size);
// Everything typed, derived and read, zeroed.
void ForgetReply();

}  // namespace app

// Reading the organisation's reply to a report sent with a follow-up code
// (docs/envelope.md section 5): the code typed in, its lookup id (derived by the sealer) sent
// to the intake only when the person asks, the answer opened by the sealer with the key
// derived from the code. Nothing of the code or the reply is stored, and both are wiped when
// the screen is left.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace app {

struct ReplyCheck {
  enum class State { typing, checking, none, bad_code, failed, shown };
  State state = State::typing;
  bool asked = false;  // checking: the lookup id went to the intake
  std::string typed;   // the code as typed
  std::string date;    // the reply, once opened
  std::string text;
};

// "Look for a reply": checking, as soon as the sealer is there (ContinueReply).
void CheckReply();
// Each frame of the reply screen: a code that does not check out is said at once, without a
// request; else its lookup id goes to the intake.
void ContinueReply();
// The page's answer: the intake's 4 184 bytes, or nothing when it could not be reached.
void ReplyArrived(const std::uint8_t* data, std::size_t size);
// Everything typed and read, zeroed.
void ForgetReply();

}  // namespace app

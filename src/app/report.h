// The optional anonymous report (docs/envelope.md): built from the session only when the
// person opens the consent screen, sealed and proven by the sealer (sealing.h) only when they
// press Send, uploaded by the page, then forgotten. Nothing of it is ever stored, except that
// a professional may keep the sealed envelope in the page's outbox until it is sent.
#pragma once

#include <cstdint>
#include <string>

#include "core/report.h"

namespace app {

// One report on its way out; empty again once it was sent, refused or abandoned.
struct Outgoing {
  signaal::ReportContent content;  // exactly what the consent screen shows
  // What the person chose to add on the consent screen; empty means "not sent".
  std::string free_text;
  std::string contact;
  bool contact_open = false;  // they read why contact details end anonymity and chose to add them
  // The follow-up code while it is shown and retyped; nothing of it outlives that screen.
  std::string code;
  std::string code_retyped;
  bool code_mismatch = false;
  bool keep_in_outbox = false;  // professional mode only: the worker switched the outbox on
  // Send pressed: the sealer holds the envelope from here; these follow its proof of work.
  bool sending = false;
  bool sealed = false;
  int pow_difficulty = 0;
  std::uint64_t pow_attempts = 0;
  bool solved = false;             // the proof of work holds: ready to upload
  std::string refusal;             // the status name that stopped it, for the refusal screen
};

// The consent screen's report: the answers on the route, the result, the coarse date.
void PrepareReport();
// "Get a reply code": the code screen, with a fresh code once the sealer is there.
void StartFollowUp();
// The code screen's code: true when there is one (made now if the sealer just arrived).
bool EnsureFollowUpCode();
// The retyped code matches: its lookup tag and reply key go into the report, the code itself
// is wiped. A mismatch stays on the code screen and says so.
void ConfirmFollowUp();
// No code after all (from the code screen or the consent screen).
void DropFollowUp();
// Send pressed: the sending screen, which seals once the sealer is there (the key picked at
// that moment) and starts the proof of work. A key bundle that is missing, unsigned, badly
// signed, expired or not yet valid, or a sealer that cannot be loaded, shows the refusal screen.
void SendReport();
// Each frame of the sending screen: seal when possible, then search the proof of work for a
// slice of time; the upload starts when it holds.
void ContinueReport();
// The page finished the upload (after its own retries).
enum class UploadOutcome { sent, failed, kept };
void UploadDone(UploadOutcome outcome);
// "Try again" after a failed upload: the same envelope (the intake drops duplicates).
void RetryReport();
// Every byte of the report zeroed and dropped.
void ForgetReport();

}  // namespace app

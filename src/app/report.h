// The optional anonymous report (docs/envelope.md): built from the session only when the
// person opens the consent screen, sealed and proven inside wasm only when they press Send,
// uploaded by the page, then forgotten. Nothing of it is ever stored, except that a
// professional may keep the sealed envelope in the page's outbox until it is sent.
#pragma once

#include <string>

#include "core/envelope.h"
#include "core/follow_up.h"
#include "core/proof_of_work.h"
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
  signaal::Bytes envelope;         // sealed, proof of work being searched or found
  signaal::PowSearch pow;
  bool solved = false;             // the proof of work holds: ready to upload
  std::string refusal;             // the key bundle's status name, for the refusal screen
};

// The consent screen's report: the answers on the route, the result, the coarse date.
void PrepareReport();
// "Get a reply code": a fresh code for the code screen.
void StartFollowUp();
// The retyped code matches: its lookup tag and reply key go into the report, the code itself
// is wiped. A mismatch stays on the code screen and says so.
void ConfirmFollowUp();
// No code after all (from the code screen or the consent screen).
void DropFollowUp();
// Send pressed: pick the key at this moment, seal, start the proof of work. A key bundle that
// is missing, unsigned, badly signed, expired or not yet valid shows the refusal screen.
void SendReport();
// One slice of the proof of work per frame; the upload starts when it holds.
void ContinueReport();
// The page finished the upload (after its own retries).
enum class UploadOutcome { sent, failed, kept };
void UploadDone(UploadOutcome outcome);
// "Try again" after a failed upload: the same envelope (the intake drops duplicates).
void RetryReport();
// Every byte of the report zeroed and dropped.
void ForgetReport();

}  // namespace app

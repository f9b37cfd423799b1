// The optional anonymous report (docs/envelope.md): built from the session only when the
// person opens the consent screen, sealed and proven inside wasm only when they press Send,
// uploaded by the page, then forgotten. Nothing of it is ever stored.
#pragma once

#include <string>

#include "core/envelope.h"
#include "core/proof_of_work.h"
#include "core/report.h"

namespace app {

// One report on its way out; empty again once it was sent, refused or abandoned.
struct Outgoing {
  signaal::ReportContent content;  // exactly what the consent screen shows
  signaal::Bytes envelope;         // sealed, proof of work being searched or found
  signaal::PowSearch pow;
  bool solved = false;             // the proof of work holds: ready to upload
  std::string refusal;             // the key bundle's status name, for the refusal screen
};

// The consent screen's report: the answers on the route, the result, the coarse date.
void PrepareReport();
// Send pressed: pick the key at this moment, seal, start the proof of work. A key bundle that
// is missing, unsigned, badly signed, expired or not yet valid shows the refusal screen.
void SendReport();
// One slice of the proof of work per frame; the upload starts when it holds.
void ContinueReport();
// The page finished the upload (after its own retries).
void UploadDone(bool ok);
// "Try again" after a failed upload: the same envelope (the intake drops duplicates).
void RetryReport();
// Every byte of the report zeroed and dropped.
void ForgetReport();

}  // namespace app

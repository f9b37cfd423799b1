// One function per screen; each draws its screen into the content column with the ui
// widgets and changes the app through its actions (app::Go, app::QuickExit, ...).
#pragma once

#include "app/app.h"

namespace screens {

void Start(app::App& a);      // neutral title, language, who is filling this in
void Safety(app::App& a);     // is it safe now; how the quick exit works; 112
void Question(app::App& a);   // one question, its answers, progress, back, why we ask
void Emergency(app::App& a);  // after an emergency answer: call 112 first
void Result(app::App& a);     // level, explanation, reasons, help directory
void End(app::App& a);        // thanks; start again or leave
void Error(app::App& a);      // what failed to load, file and JSON path
void Language(app::App& a);   // change the language at any point; answers stay
void ReportConsent(app::App& a);  // exactly what an anonymous report would carry; send or not
void ReportCode(app::App& a);     // the follow-up code, shown once, retyped to confirm
void ReportSending(app::App& a);  // proof of work, then the upload, with progress
void ReportRefused(app::App& a);  // no valid key: nothing sealed, nothing sent
void ReportSent(app::App& a);     // what happens next
void ReportKept(app::App& a);     // no connection: the sealed report waits in the outbox
void ReportFailed(app::App& a);   // the upload failed: try again or go back
void Reply(app::App& a);          // type a follow-up code, read the organisation's reply
void Display(app::App& a);        // text size and contrast
void DisplayButton(app::App& a);  // the way to Display, on the start and language screens
void TwoLanguages(app::App& a);   // a worker picks the person's language; together or handed over
void HandOver(app::App& a);       // the device goes to the person: their answers stay theirs
void HandedBack(app::App& a);     // all answered: the person decides whether the result is shown

// Shared by the screens that choose a language (start.cpp).
void LanguageList(app::App& a);  // the app's language, with the note on machine translation
// The offered languages but `left_out`, each in its own name; returns the code pressed or "".
std::string LanguageGrid(app::App& a, std::string_view selected, std::string_view left_out);

}  // namespace screens

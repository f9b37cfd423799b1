// The application: which screen is showing, the actions every screen shares (go to a
// screen, change the language, quick exit) and the frame that draws it all.
#pragma once

#include <string>
#include <vector>

#include "core/assessment.h"
#include "model.h"
#include "reply.h"
#include "report.h"
#include "ui.h"

namespace app {

enum class Screen {
  start, safety, question, emergency, result, end, error, language,
  report_consent, report_code, report_sending, report_refused, report_sent, report_kept, report_failed, reply, display,
  two_languages, hand_over, handed_back
};

struct App {
  Model model;
  Screen screen = Screen::start;
  Screen before_language = Screen::start;  // where the language screen returns to
  Screen before_display = Screen::start;   // where the text size and contrast screen returns to
  bool started = false;
  bool why_open = false;                 // "why we ask" unfolded on this question
  std::vector<std::string> multi;        // options ticked on the current multi question
  std::string multi_for;                 // the question `multi` belongs to
  std::string person_locale;             // two languages: the person's, as chosen by the worker
  bool pairing = false;                  // two languages: the person's locale is on its way
  bool result_part_asked = false;        // the result part was asked for (at the first question)
  bool typing_part_asked = false;        // the typing fonts were asked for (at the first text field)
  signaal::Assessment result;            // computed when the result screen opens
  Outgoing outgoing;                     // the anonymous report, only while it is on its way
  ReplyCheck reply;                      // reading a reply with a follow-up code
  struct {
    bool contact = false, follow_up = false;
  } sent;                                // what the last sent report carried, for what happens next
  int outbox_waiting = 0;                // sealed envelopes in the page's outbox (professional mode)
  double last_escape = -1e9;             // ms, for "Escape twice"
  bool marked_ready = false, marked_first_question = false;
  std::string published;                 // last description sent to the page
};

App& Get();

// Starts the app once the page handed over every file: loads and checks them, picks the
// locale and shows the start screen, or the error screen when anything failed.
void Start(const std::string& locale);
void Frame();

void Go(Screen screen);
void ChangeLanguage(const std::string& code);  // asks the page for the files first
void LocaleReady(const std::string& code);     // the page handed them over
// The page handed over a part it was asked for (bridge::RequestPart): "result" or "typing".
void PartReady(const std::string& part);
void QuickExit();
void ShowError();
// A worker hands the questions to the person: the person answers for themselves in
// `person_locale`, each text with the worker's language (the current one) beneath it;
// `handed_over`: alone, the result shown only when the person chooses.
void AnswerInTwoLanguages(const std::string& person_locale, bool handed_over);

// A text of the current catalog: every user-visible string comes from the locale files.
std::string T(std::string_view key);
// The audience suffix of result texts: "self" or "professional".
const char* AudienceKey();
// In two-language mode the worker's text of `key`, to draw beneath the person's; else empty.
ui::Aside Beneath(std::string_view key);

}  // namespace app

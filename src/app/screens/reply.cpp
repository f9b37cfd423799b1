// Reading a reply: the code typed in, one request when the person asks, the answer or what
// went wrong in plain words. Leaving the screen wipes the code and the reply.
#include "screens.h"

#include "app/theme.h"
#include "app/ui.h"
#include "core/follow_up.h"

namespace screens {

namespace {
void Leave() {
  app::ForgetReply();
  app::Go(app::Screen::start);
}
}  // namespace

void Reply(app::App& a) {
  using app::T;
  using State = app::ReplyCheck::State;
  app::ContinueReply();
  app::ReplyCheck& r = a.reply;
  ui::Heading(T("reply.title"), "reply.title");
  if (r.state == State::shown) {
    ui::Paragraph(a.model.Format("reply.from", {{"date", r.date}}), true, theme::kSmallSize, "reply.date");
    ui::Paragraph(r.text, false, 0.0f, "reply.text");
    ui::Spacer(theme::kGap);
    ui::Paragraph(T("reply.after"), true, theme::kSmallSize);
    if (ui::Button("reply.done", T("reply.done"), ui::Style::primary))
      Leave();
    return;
  }
  ui::Paragraph(T("reply.intro"));
  ui::Spacer(theme::kGap);
  if (ui::TextField("field.reply_code", T("reply.code_label"), &r.typed, signaal::kFollowUpCodeSymbols + 8, 1) &&
      r.state != State::checking)
    r.state = State::typing;
  static constexpr struct {
    State state;
    const char* key;
  } kSays[] = {{State::checking, "reply.checking"}, {State::none, "reply.none"},
               {State::bad_code, "reply.bad_code"}, {State::failed, "reply.failed"}};
  for (const auto& say : kSays)
    if (r.state == say.state)
      ui::Paragraph(T(say.key), false, 0.0f, "reply.status");
  ui::Spacer(theme::kGap);
  if (r.state != State::checking && ui::Button("reply.check", T("reply.check"), ui::Style::primary))
    app::CheckReply();
  if (ui::Button("reply.back", T("reply.back"), ui::Style::secondary))
    Leave();
}

}  // namespace screens

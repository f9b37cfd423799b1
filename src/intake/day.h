// Coarse UTC days ("YYYY-MM-DD"): the only time the intake keeps. A day string sorts and
// compares like the date it names, so stores and retention compare them as text.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace signaal::intake {

using Day = std::chrono::sys_days;

Day today_utc();
std::string to_string(Day day);
// Accepts exactly YYYY-MM-DD naming a real date.
std::optional<Day> parse_day(std::string_view text);

}  // namespace signaal::intake

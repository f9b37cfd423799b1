// Coarse report dates and the UTC timestamps of key bundles, from a caller-supplied "now"
// (Unix seconds): the core has no clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace signaal {

// "YYYY-MM-DD", the UTC day.
std::string report_day(std::int64_t unix_seconds);
// "YYYY-Www", the ISO 8601 week (weeks start on Monday; week 1 holds the first Thursday).
std::string report_iso_week(std::int64_t unix_seconds);

// Exactly "YYYY-MM-DDTHH:MM:SSZ" <-> Unix seconds. nullopt for any other form or a bad date.
std::optional<std::int64_t> parse_utc_time(std::string_view text);
std::string format_utc_time(std::int64_t unix_seconds);

// Whether text is a valid day or ISO week as above.
bool is_report_day(std::string_view text);
bool is_report_iso_week(std::string_view text);

// "YYYY-MM" of a report date (the month of the week's Thursday); nullopt if invalid.
std::optional<std::string> report_month(std::string_view date);

}  // namespace signaal

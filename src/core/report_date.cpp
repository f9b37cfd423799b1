#include "report_date.h"

#include <cstdio>

namespace signaal {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian, UTC).
std::int64_t days_from_civil(std::int64_t y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  std::int64_t year;
  int month;
  int day;
};

Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (m <= 2), m, d};
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

int days_in_month(std::int64_t year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

// Weekday 0 = Monday; day 0 (1970-01-01) was a Thursday.
int weekday(std::int64_t days) { return static_cast<int>(days + 3 - floor_div(days + 3, 7) * 7); }

// ISO week-year and week of a day number.
void iso_week(std::int64_t days, std::int64_t* week_year, int* week) {
  const std::int64_t thursday = days - weekday(days) + 3;
  const Civil c = civil_from_days(thursday);
  const std::int64_t jan1 = days_from_civil(c.year, 1, 1);
  *week_year = c.year;
  *week = static_cast<int>((thursday - jan1) / 7 + 1);
}

// Reads exactly n decimal digits at text[pos].
bool digits(std::string_view text, std::size_t pos, std::size_t n, int* value) {
  if (pos + n > text.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    v = v * 10 + (text[i] - '0');
  }
  *value = v;
  return true;
}

bool parse_day(std::string_view text, std::int64_t* days) {
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  if (!digits(text, 0, 4, &y) || !digits(text, 5, 2, &m) || !digits(text, 8, 2, &d)) return false;
  if (y < 1970 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return false;
  *days = days_from_civil(y, m, d);
  return true;
}

bool parse_week(std::string_view text, std::int64_t* week_year, int* week) {
  int y = 0, w = 0;
  if (text.size() != 8 || text[4] != '-' || text[5] != 'W') return false;
  if (!digits(text, 0, 4, &y) || !digits(text, 6, 2, &w) || y < 1970 || w < 1) return false;
  // A year has 53 ISO weeks when 28 December falls in week 53.
  std::int64_t last_year = 0;
  int last_week = 0;
  iso_week(days_from_civil(y, 12, 28), &last_year, &last_week);
  if (w > last_week) return false;
  *week_year = y;
  *week = w;
  return true;
}

}  // namespace

std::string report_day(std::int64_t unix_seconds) {
  const Civil c = civil_from_days(floor_div(unix_seconds, 86400));
  char out[32];
  std::snprintf(out, sizeof out, "%04lld-%02d-%02d", static_cast<long long>(c.year), c.month, c.day);
  return out;
}

std::string report_iso_week(std::int64_t unix_seconds) {
  std::int64_t year = 0;
  int week = 0;
  iso_week(floor_div(unix_seconds, 86400), &year, &week);
  char out[32];
  std::snprintf(out, sizeof out, "%04lld-W%02d", static_cast<long long>(year), week);
  return out;
}

std::optional<std::int64_t> parse_utc_time(std::string_view text) {
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z')
    return std::nullopt;
  std::int64_t days = 0;
  int h = 0, mi = 0, s = 0;
  if (!parse_day(text.substr(0, 10), &days) || !digits(text, 11, 2, &h) ||
      !digits(text, 14, 2, &mi) || !digits(text, 17, 2, &s) || h > 23 || mi > 59 || s > 59)
    return std::nullopt;
  return days * 86400 + h * 3600 + mi * 60 + s;
}

std::string format_utc_time(std::int64_t unix_seconds) {
  const std::int64_t seconds = unix_seconds - floor_div(unix_seconds, 86400) * 86400;
  char out[16];
  std::snprintf(out, sizeof out, "T%02d:%02d:%02dZ", static_cast<int>(seconds / 3600),
                static_cast<int>(seconds / 60 % 60), static_cast<int>(seconds % 60));
  return report_day(unix_seconds) + out;
}

bool is_report_day(std::string_view text) {
  std::int64_t days = 0;
  return parse_day(text, &days);
}

bool is_report_iso_week(std::string_view text) {
  std::int64_t year = 0;
  int week = 0;
  return parse_week(text, &year, &week);
}

std::optional<std::string> report_month(std::string_view date) {
  std::int64_t days = 0;
  std::int64_t year = 0;
  int week = 0;
  if (parse_day(date, &days)) return std::string(date.substr(0, 7));
  if (!parse_week(date, &year, &week)) return std::nullopt;
  // The Thursday of week 1 is the first Thursday of the year; this week's is 7(w-1) later.
  const std::int64_t jan4 = days_from_civil(year, 1, 4);
  const std::int64_t thursday = jan4 - weekday(jan4) + 3 + 7 * (week - 1);
  return report_day(thursday * 86400).substr(0, 7);
}

}  // namespace signaal

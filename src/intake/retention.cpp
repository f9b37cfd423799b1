#include "retention.h"

#include <chrono>
#include <cstdio>

#include "day.h"

namespace signaal::intake {

long long expire(Store& store, int retention_days) {
  return store.delete_before(to_string(today_utc() - std::chrono::days(retention_days)));
}

DailyExpiry::DailyExpiry(Store& store, int retention_days)
    : store_(store), retention_days_(retention_days) {
  expire(store_, retention_days_);  // at start: a failure here stops the server
  thread_ = std::thread([this] { run(); });
}

DailyExpiry::~DailyExpiry() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void DailyExpiry::run() {
  std::unique_lock lock(mutex_);
  // Hourly checks of the day: a clock change or a sleeping host cannot skip a day for long.
  Day last = today_utc();
  while (!wake_.wait_for(lock, std::chrono::hours(1), [&] { return stopping_; })) {
    if (today_utc() == last) continue;
    last = today_utc();
    try {
      expire(store_, retention_days_);
    } catch (const StoreError&) {
      std::fputs("signaal-intake: daily expiry failed; will retry in an hour\n", stderr);
      last = Day{};
    }
  }
}

}  // namespace signaal::intake

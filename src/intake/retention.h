// Retention: envelopes and replies older than the configured number of days are deleted at
// start and then once a day, so the intake never becomes an archive.
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

#include "store.h"

namespace signaal::intake {

// Deletes what was received before today minus retention_days; returns how many went.
long long expire(Store& store, int retention_days);

// Runs expire() now and then every day until destroyed.
class DailyExpiry {
 public:
  DailyExpiry(Store& store, int retention_days);
  ~DailyExpiry();
  DailyExpiry(const DailyExpiry&) = delete;
  DailyExpiry& operator=(const DailyExpiry&) = delete;

 private:
  void run();

  Store& store_;
  int retention_days_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace signaal::intake

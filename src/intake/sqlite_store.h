// The embedded store: one SQLite file in WAL mode with synchronous=FULL, so a committed
// envelope survives a crash. Concurrent submissions are committed together by one writer
// thread (group commit): each waits for the fsync of the batch that holds it, and many
// envelopes share one fsync under load.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include <sqlite3.h>

#include "store.h"

namespace signaal::intake {

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(const std::string& path);
  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  void put_envelope(const StoredEnvelope& envelope) override;
  void put_reply(const StoredReply& reply) override;
  std::optional<std::string> find_reply(const std::string& lookup_tag) override;
  void for_each_envelope(const std::string& since_day,
                         const std::function<void(const StoredEnvelope&)>& visit) override;
  long long delete_before(const std::string& before_day) override;

 private:
  struct Pending {
    const StoredEnvelope* envelope;
    bool done = false;
    bool ok = false;
  };

  void write_batches();
  bool commit_batch(const std::deque<Pending*>& batch);

  sqlite3* writer_ = nullptr;  // used only by the writer thread
  sqlite3* other_ = nullptr;   // replies, export, deletes; guarded by other_mutex_
  std::mutex other_mutex_;

  std::mutex queue_mutex_;
  std::condition_variable queue_ready_;
  std::condition_variable batch_done_;
  std::deque<Pending*> queue_;
  bool stopping_ = false;
  std::thread writer_thread_;
};

}  // namespace signaal::intake

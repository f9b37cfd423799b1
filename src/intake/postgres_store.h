// The shared store: PostgreSQL, so that several stateless intake nodes behind a load balancer
// write to one place. Each put is one INSERT committed with synchronous_commit=on (forced per
// connection, whatever the server's default), so 201 means the database has it on disk.
#pragma once

#include <condition_variable>
#include <mutex>
#include <vector>

#include <libpq-fe.h>

#include "store.h"

namespace signaal::intake {

class PostgresStore final : public Store {
 public:
  PostgresStore(const std::string& dsn, int connections);
  ~PostgresStore() override;
  PostgresStore(const PostgresStore&) = delete;
  PostgresStore& operator=(const PostgresStore&) = delete;

  void put_envelope(const StoredEnvelope& envelope) override;
  void put_reply(const StoredReply& reply) override;
  std::optional<std::string> find_reply(const std::string& lookup_tag) override;
  void for_each_envelope(const std::string& since_day,
                         const std::function<void(const StoredEnvelope&)>& visit) override;
  long long delete_before(const std::string& before_day) override;

 private:
  class Lease;  // one pooled connection, returned when the lease ends

  std::string dsn_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<PGconn*> idle_;
  std::vector<PGconn*> all_;
};

}  // namespace signaal::intake

#include "postgres_store.h"

#include <memory>

namespace signaal::intake {
namespace {

// Same fields as the SQLite store. Several nodes may start at once: the schema is created
// under an advisory lock so that their CREATE statements do not race.
constexpr const char* kSchema = R"sql(
SELECT pg_advisory_lock(7311041);
CREATE TABLE IF NOT EXISTS envelopes (
  id bytea PRIMARY KEY,
  envelope bytea NOT NULL,
  key_id bytea NOT NULL,
  lookup_tag bytea NOT NULL,
  received_day date NOT NULL
);
CREATE INDEX IF NOT EXISTS envelopes_by_day ON envelopes (received_day);
CREATE UNIQUE INDEX IF NOT EXISTS envelopes_by_seal ON envelopes (substring(envelope from 49 for 32));
CREATE TABLE IF NOT EXISTS replies (
  lookup_tag bytea PRIMARY KEY,
  reply bytea NOT NULL,
  stored_day date NOT NULL
);
SELECT pg_advisory_unlock(7311041);
)sql";

using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

// A parameter list of binary byte strings and text values.
struct Params {
  std::vector<const char*> values;
  std::vector<int> lengths;
  std::vector<int> formats;
  Params& bytes(const std::string& b) {
    values.push_back(b.data());
    lengths.push_back(static_cast<int>(b.size()));
    formats.push_back(1);
    return *this;
  }
  Params& text(const std::string& t) {
    values.push_back(t.c_str());
    lengths.push_back(0);
    formats.push_back(0);
    return *this;
  }
};

// Runs one statement; results come back in binary, so bytea columns are the raw bytes.
Result run(PGconn* conn, const char* sql, const Params& params) {
  Result result(PQexecParams(conn, sql, static_cast<int>(params.values.size()), nullptr,
                             params.values.data(), params.lengths.data(), params.formats.data(), 1),
                &PQclear);
  const ExecStatusType status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    throw StoreError(std::string("postgres: ") + PQerrorMessage(conn));
  }
  return result;
}

void run_script(PGconn* conn, const char* sql) {
  Result result(PQexec(conn, sql), &PQclear);
  const ExecStatusType status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    throw StoreError(std::string("postgres: ") + PQerrorMessage(conn));
  }
}

std::string value(const PGresult* result, int row, int column) {
  return {PQgetvalue(result, row, column), static_cast<size_t>(PQgetlength(result, row, column))};
}

PGconn* connect(const std::string& dsn) {
  PGconn* conn = PQconnectdb(dsn.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    const std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    throw StoreError("postgres: cannot connect: " + message);
  }
  run_script(conn, "SET synchronous_commit = on; SET TIME ZONE 'UTC'");
  return conn;
}

long long affected(const PGresult* result) { return std::atoll(PQcmdTuples(const_cast<PGresult*>(result))); }

}  // namespace

class PostgresStore::Lease {
 public:
  explicit Lease(PostgresStore& store) : store_(store) {
    std::unique_lock lock(store_.mutex_);
    store_.available_.wait(lock, [&] { return !store_.idle_.empty(); });
    conn_ = store_.idle_.back();
    store_.idle_.pop_back();
  }
  ~Lease() {
    {
      std::lock_guard lock(store_.mutex_);
      store_.idle_.push_back(conn_);
    }
    store_.available_.notify_one();
  }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;

  // The connection, reconnected first if the server dropped it (a restart, a failover).
  PGconn* get() {
    if (PQstatus(conn_) != CONNECTION_OK) {
      PQreset(conn_);
      if (PQstatus(conn_) != CONNECTION_OK) throw StoreError("postgres: connection lost");
      run_script(conn_, "SET synchronous_commit = on; SET TIME ZONE 'UTC'");
    }
    return conn_;
  }

 private:
  PostgresStore& store_;
  PGconn* conn_;
};

PostgresStore::PostgresStore(const std::string& dsn, int connections) : dsn_(dsn) {
  try {
    for (int i = 0; i < connections; ++i) all_.push_back(connect(dsn_));
    run_script(all_.front(), kSchema);
  } catch (...) {
    for (PGconn* conn : all_) PQfinish(conn);
    throw;
  }
  idle_ = all_;
}

PostgresStore::~PostgresStore() {
  for (PGconn* conn : all_) PQfinish(conn);
}

void PostgresStore::put_envelope(const StoredEnvelope& e) {
  Lease lease(*this);
  run(lease.get(),
      "INSERT INTO envelopes (id, envelope, key_id, lookup_tag, received_day) "
      "VALUES ($1, $2, $3, $4, $5::date) ON CONFLICT DO NOTHING",
      Params().bytes(e.id).bytes(e.envelope).bytes(e.key_id).bytes(e.lookup_tag).text(e.received_day));
}

void PostgresStore::put_reply(const StoredReply& r) {
  Lease lease(*this);
  run(lease.get(),
      "INSERT INTO replies (lookup_tag, reply, stored_day) VALUES ($1, $2, $3::date) "
      "ON CONFLICT (lookup_tag) DO UPDATE SET reply = EXCLUDED.reply, stored_day = EXCLUDED.stored_day",
      Params().bytes(r.lookup_tag).bytes(r.reply).text(r.stored_day));
}

std::optional<std::string> PostgresStore::find_reply(const std::string& lookup_tag) {
  Lease lease(*this);
  const Result result =
      run(lease.get(), "SELECT reply FROM replies WHERE lookup_tag = $1", Params().bytes(lookup_tag));
  if (PQntuples(result.get()) == 0) return std::nullopt;
  return value(result.get(), 0, 0);
}

void PostgresStore::for_each_envelope(const std::string& since_day,
                                      const std::function<void(const StoredEnvelope&)>& visit) {
  Lease lease(*this);
  const Result result = run(lease.get(),
                            "SELECT id, envelope, key_id, lookup_tag, to_char(received_day, 'YYYY-MM-DD') "
                            "FROM envelopes WHERE $1 = '' OR received_day >= $1::date ORDER BY id",
                            Params().text(since_day));
  for (int row = 0; row < PQntuples(result.get()); ++row) {
    const PGresult* r = result.get();
    visit({value(r, row, 0), value(r, row, 1), value(r, row, 2), value(r, row, 3), value(r, row, 4)});
  }
}

long long PostgresStore::delete_before(const std::string& before_day) {
  Lease lease(*this);
  PGconn* conn = lease.get();
  run_script(conn, "BEGIN");
  try {
    const Result envelopes =
        run(conn, "DELETE FROM envelopes WHERE received_day < $1::date", Params().text(before_day));
    const Result replies =
        run(conn, "DELETE FROM replies WHERE stored_day < $1::date", Params().text(before_day));
    run_script(conn, "COMMIT");
    return affected(envelopes.get()) + affected(replies.get());
  } catch (const StoreError&) {
    PQclear(PQexec(conn, "ROLLBACK"));
    throw;
  }
}

}  // namespace signaal::intake

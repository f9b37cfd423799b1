#include "sqlite_store.h"

namespace signaal::intake {
namespace {

// The schema keeps nothing beyond the five fields. WITHOUT ROWID: rows are ordered by the
// random id, so no hidden rowid sequence records the order of arrival.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS envelopes (
  id BLOB PRIMARY KEY,
  envelope BLOB NOT NULL,
  key_id BLOB NOT NULL,
  lookup_tag BLOB NOT NULL,
  received_day TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS envelopes_by_day ON envelopes(received_day);
-- The seal's ephemeral public key is fresh for every envelope: a second copy of the same
-- envelope (a retry after a lost answer, or a replay) is stored once.
CREATE UNIQUE INDEX IF NOT EXISTS envelopes_by_seal ON envelopes(substr(envelope, 49, 32));
CREATE TABLE IF NOT EXISTS replies (
  lookup_tag BLOB PRIMARY KEY,
  reply BLOB NOT NULL,
  stored_day TEXT NOT NULL
) WITHOUT ROWID;
)sql";

constexpr size_t kMaxBatch = 512;

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) {
      throw StoreError(std::string("sqlite: ") + sqlite3_errmsg(db));
    }
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, const std::string& bytes, bool blob = true) {
    const int rc = blob ? sqlite3_bind_blob(stmt_, index, bytes.data(),
                                            static_cast<int>(bytes.size()), SQLITE_STATIC)
                        : sqlite3_bind_text(stmt_, index, bytes.data(),
                                            static_cast<int>(bytes.size()), SQLITE_STATIC);
    if (rc != SQLITE_OK) throw StoreError(std::string("sqlite: ") + sqlite3_errmsg(db_));
    return *this;
  }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  // SQLITE_ROW or SQLITE_DONE; anything else is an error.
  int step() {
    const int rc = sqlite3_step(stmt_);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
      throw StoreError(std::string("sqlite: ") + sqlite3_errmsg(db_));
    }
    return rc;
  }
  std::string column(int index) const {
    const void* data = sqlite3_column_blob(stmt_, index);
    const int size = sqlite3_column_bytes(stmt_, index);
    return data ? std::string(static_cast<const char*>(data), static_cast<size_t>(size)) : "";
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

void exec(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    throw StoreError("sqlite: " + text);
  }
}

sqlite3* open_connection(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    const std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    throw StoreError("sqlite: " + path + ": " + message);
  }
  sqlite3_busy_timeout(db, 10000);
  try {
    // FULL: the WAL is synced at every commit, so 201 means "on disk". secure_delete: deleted
    // envelopes are overwritten, not left in free pages.
    exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;");
  } catch (...) {
    sqlite3_close(db);
    throw;
  }
  return db;
}

}  // namespace

SqliteStore::SqliteStore(const std::string& path) {
  writer_ = open_connection(path);
  try {
    exec(writer_, kSchema);
    other_ = open_connection(path);
  } catch (...) {
    sqlite3_close(writer_);
    throw;
  }
  writer_thread_ = std::thread([this] { write_batches(); });
}

SqliteStore::~SqliteStore() {
  {
    std::lock_guard lock(queue_mutex_);
    stopping_ = true;
  }
  queue_ready_.notify_all();
  writer_thread_.join();
  sqlite3_close(other_);
  sqlite3_close(writer_);
}

void SqliteStore::put_envelope(const StoredEnvelope& envelope) {
  Pending pending{&envelope};
  std::unique_lock lock(queue_mutex_);
  if (stopping_) throw StoreError("sqlite: store is closing");
  queue_.push_back(&pending);
  queue_ready_.notify_one();
  batch_done_.wait(lock, [&] { return pending.done; });
  if (!pending.ok) throw StoreError("sqlite: could not commit envelopes");
}

void SqliteStore::write_batches() {
  for (;;) {
    std::deque<Pending*> batch;
    {
      std::unique_lock lock(queue_mutex_);
      queue_ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, nothing left to write
      while (!queue_.empty() && batch.size() < kMaxBatch) {
        batch.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    const bool ok = commit_batch(batch);
    {
      std::lock_guard lock(queue_mutex_);
      for (Pending* pending : batch) {
        pending->ok = ok;
        pending->done = true;
      }
    }
    batch_done_.notify_all();
  }
}

bool SqliteStore::commit_batch(const std::deque<Pending*>& batch) {
  try {
    exec(writer_, "BEGIN IMMEDIATE");
    try {
      Statement insert(writer_,
                       "INSERT INTO envelopes (id, envelope, key_id, lookup_tag, received_day) "
                       "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
      for (const Pending* pending : batch) {
        const StoredEnvelope& e = *pending->envelope;
        insert.reset();
        insert.bind(1, e.id).bind(2, e.envelope).bind(3, e.key_id).bind(4, e.lookup_tag)
            .bind(5, e.received_day, false).step();
      }
      exec(writer_, "COMMIT");
    } catch (const StoreError&) {
      sqlite3_exec(writer_, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
    return true;
  } catch (const StoreError&) {
    return false;
  }
}

void SqliteStore::put_reply(const StoredReply& reply) {
  std::lock_guard lock(other_mutex_);
  Statement(other_, "INSERT OR REPLACE INTO replies (lookup_tag, reply, stored_day) VALUES (?, ?, ?)")
      .bind(1, reply.lookup_tag).bind(2, reply.reply).bind(3, reply.stored_day, false).step();
}

std::optional<std::string> SqliteStore::find_reply(const std::string& lookup_tag) {
  std::lock_guard lock(other_mutex_);
  Statement select(other_, "SELECT reply FROM replies WHERE lookup_tag = ?");
  select.bind(1, lookup_tag);
  if (select.step() != SQLITE_ROW) return std::nullopt;
  return select.column(0);
}

void SqliteStore::for_each_envelope(const std::string& since_day,
                                    const std::function<void(const StoredEnvelope&)>& visit) {
  std::lock_guard lock(other_mutex_);
  Statement select(other_,
                   "SELECT id, envelope, key_id, lookup_tag, received_day FROM envelopes "
                   "WHERE received_day >= ? ORDER BY id");
  select.bind(1, since_day, false);
  while (select.step() == SQLITE_ROW) {
    visit({select.column(0), select.column(1), select.column(2), select.column(3),
           select.column(4)});
  }
}

long long SqliteStore::delete_before(const std::string& before_day) {
  std::lock_guard lock(other_mutex_);
  exec(other_, "BEGIN IMMEDIATE");
  try {
    Statement(other_, "DELETE FROM envelopes WHERE received_day < ?").bind(1, before_day, false).step();
    long long removed = sqlite3_changes(other_);
    Statement(other_, "DELETE FROM replies WHERE stored_day < ?").bind(1, before_day, false).step();
    removed += sqlite3_changes(other_);
    exec(other_, "COMMIT");
    return removed;
  } catch (const StoreError&) {
    sqlite3_exec(other_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

}  // namespace signaal::intake

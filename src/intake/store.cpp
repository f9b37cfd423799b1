#include "store.h"

#include "postgres_store.h"
#include "sqlite_store.h"

namespace signaal::intake {

std::unique_ptr<Store> open_store(const StoreConfig& config) {
  if (config.kind == StoreKind::postgres) {
    return std::make_unique<PostgresStore>(config.dsn, config.connections);
  }
  return std::make_unique<SqliteStore>(config.path);
}

}  // namespace signaal::intake

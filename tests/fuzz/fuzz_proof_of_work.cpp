// The proof-of-work search and check: a search over a fuzzed envelope must produce a nonce
// that its own check accepts, and the check must never read outside the span it is given.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/proof_of_work.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace signaal;
  const std::vector<std::uint8_t> exact(data, data + size);  // a heap copy: ASan sees overreads
  verify_proof_of_work(exact, size ? data[0] : 0);

  Bytes envelope = fuzz::shaped_envelope({data, size});
  PowSearch search;
  if (begin_pow_search(envelope, &search) != PowStatus::ok) return 0;
  if (continue_pow_search(&search, 64, envelope) == PowStatus::ok) {
    if (verify_proof_of_work(envelope, search.difficulty) != PowStatus::ok) __builtin_trap();
  }
  return 0;
}

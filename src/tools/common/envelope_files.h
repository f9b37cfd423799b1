// Splitting files of envelopes: a single envelope, or an intake export (envelopes back to
// back, no framing). A truncated envelope inside an export is cut at the next "SGNL" magic,
// so the envelopes after it are still found.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace signaal::tools {

struct EnvelopeSlice {
  std::size_t offset = 0;
  std::span<const std::uint8_t> bytes;
};

std::vector<EnvelopeSlice> split_envelopes(std::span<const std::uint8_t> data);

}  // namespace signaal::tools

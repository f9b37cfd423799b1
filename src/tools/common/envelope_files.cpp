#include "envelope_files.h"

#include <algorithm>

#include "core/envelope.h"

namespace signaal::tools {
namespace {

// Magic, version and zero reserved bytes: 7 fixed bytes, so random ciphertext matches
// with probability 2^-56 per position.
bool starts_header(std::span<const std::uint8_t> data, std::size_t at) {
  if (data.size() - at < kEnvelopeOffsetKeyId) return false;
  return std::equal(kEnvelopeMagic.begin(), kEnvelopeMagic.end(), data.begin() + static_cast<std::ptrdiff_t>(at)) &&
         data[at + kEnvelopeOffsetVersion] == kEnvelopeVersion && data[at + kEnvelopeOffsetReserved] == 0 &&
         data[at + kEnvelopeOffsetReserved + 1] == 0;
}

}  // namespace

std::vector<EnvelopeSlice> split_envelopes(std::span<const std::uint8_t> data) {
  std::vector<EnvelopeSlice> out;
  std::size_t at = 0;
  while (at < data.size()) {
    std::size_t length = std::min(kEnvelopeBytes, data.size() - at);
    for (std::size_t next = at + 1; next < at + length; ++next) {
      if (data[next] == kEnvelopeMagic[0] && starts_header(data, next)) {
        length = next - at;
        break;
      }
    }
    out.push_back({at, data.subspan(at, length)});
    at += length;
  }
  return out;
}

}  // namespace signaal::tools

#include "sitrep/core/status.hpp"

namespace sitrep {

const char* to_string(error_code code) noexcept {
  switch (code) {
    case error_code::ok: return "ok";
    case error_code::invalid_argument: return "invalid_argument";
    case error_code::invalid_input: return "invalid_input";
    case error_code::io_error: return "io_error";
    case error_code::not_found: return "not_found";
    case error_code::unsupported: return "unsupported";
    case error_code::internal: return "internal";
  }
  return "unknown";
}

}  // namespace sitrep

// What every command-line tool needs around the core: reading a named file (or stdin) whole.
#pragma once

#include <string>

namespace signaal::tools {

// Reads the whole file; "-" means standard input. Throws std::runtime_error naming the file.
std::string read_file(const std::string& path);

}  // namespace signaal::tools

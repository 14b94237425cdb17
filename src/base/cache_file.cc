#include "base/cache_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace eventcoder {

namespace {

// FNV-1a-style over 8-byte words (then the tail bytes): caches are megabytes, and a byte
// loop would cost more than the reading.
uint64_t Checksum(std::string_view data) {
  uint64_t h = 1469598103934665603ULL;
  size_t i = 0;
  for (; i + 8 <= data.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, data.data() + i, 8);
    h = (h ^ w) * 1099511628211ULL;
    h ^= h >> 32;
  }
  for (; i < data.size(); ++i) h = (h ^ static_cast<unsigned char>(data[i])) * 1099511628211ULL;
  return h;
}

// magic, stamp and payload, each with its length, then the checksum of all that.
std::string Frame(std::string_view magic, std::string_view stamp, std::string_view payload) {
  PayloadWriter w;
  w.String(magic);
  w.String(stamp);
  w.String(payload);
  w.Pod(Checksum(w.data()));
  return std::move(w.data());
}

}  // namespace

std::string CacheFilePath(std::string_view name) {
  const char* off = std::getenv("EVENTCODER_NO_CACHE");
  if (off != nullptr && *off != '\0' && std::string_view(off) != "0") return "";
  std::string dir;
  if (const char* d = std::getenv("EVENTCODER_CACHE_DIR"); d != nullptr && *d != '\0') {
    dir = d;
  } else if (const char* x = std::getenv("XDG_CACHE_HOME"); x != nullptr && *x != '\0') {
    dir = std::string(x) + "/eventcoder";
  } else if (const char* h = std::getenv("HOME"); h != nullptr && *h != '\0') {
    dir = std::string(h) + "/.cache/eventcoder";
  } else {
    return "";
  }
  return dir + "/" + std::string(name);
}

std::string FileStamp(const std::vector<std::string>& paths) {
  std::string stamp;
  for (const std::string& p : paths) {
    struct stat st {};
    if (stat(p.c_str(), &st) != 0) {
      stamp += p + " -\n";
      continue;
    }
    stamp += p + " " + std::to_string(st.st_size) + " " +
             std::to_string(static_cast<long long>(st.st_mtime)) + "\n";
  }
  return stamp;
}

bool ReadCacheFile(const std::string& path, std::string_view magic, std::string_view stamp,
                   std::string* payload) {
  if (path.empty() || stamp.empty()) return false;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  std::string data;
  struct stat st {};
  if (fstat(fileno(f), &st) == 0 && st.st_size > 0 && st.st_size < (int64_t{1} << 32)) {
    data.resize(static_cast<size_t>(st.st_size));
    data.resize(std::fread(data.data(), 1, data.size(), f));
  }
  std::fclose(f);
  if (data.size() < sizeof(uint64_t)) return false;
  PayloadReader r(data);
  std::string m, s, p;
  uint64_t sum = 0;
  if (!r.String(&m) || m != magic || !r.String(&s) || s != stamp || !r.String(&p) || !r.Pod(&sum) ||
      !r.AtEnd() || sum != Checksum(std::string_view(data).substr(0, data.size() - sizeof sum)))
    return false;
  *payload = std::move(p);
  return true;
}

void WriteCacheFile(const std::string& path, std::string_view magic, std::string_view stamp,
                    std::string_view payload) {
  if (path.empty() || stamp.empty()) return;
  const std::string data = Frame(magic, stamp, payload);
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream o(tmp, std::ios::binary | std::ios::trunc);
    if (!o) return;
    o.write(data.data(), static_cast<std::streamsize>(data.size()));
    o.close();
    if (!o) {
      std::filesystem::remove(tmp, ec);
      return;
    }
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) std::filesystem::remove(tmp, ec);
}

}  // namespace eventcoder

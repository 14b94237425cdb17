#include "base/cache_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace eventcoder {

namespace {

uint64_t Checksum(std::string_view data) {  // FNV-1a
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : data) h = (h ^ c) * 1099511628211ULL;
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
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
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

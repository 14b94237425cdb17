// Start-up caches: files holding data that is slow to compute from installed sources
// (WordNet's lexicon, libgeonames' cities), reused while those sources are unchanged.
//
// A cache file is: a magic line naming its kind and version, a "stamp" string that
// identifies the sources (paths, sizes, modification times), the payload, and a checksum
// of all that. ReadCacheFile() accepts a file only when every part matches, so a stale,
// truncated, corrupt or foreign file is simply ignored (and the caller rebuilds and rewrites
// it). WriteCacheFile() writes a temporary file and renames it, so concurrent processes
// never see a partial cache. Failures to write are silent: a cache is an optimisation.
//
// Location: $EVENTCODER_CACHE_DIR, else $XDG_CACHE_HOME/eventcoder, else
// $HOME/.cache/eventcoder. EVENTCODER_NO_CACHE set to anything but "" or "0" disables
// caching (CacheFilePath returns "").
//
// Thread safety: the functions are thread-safe (no shared state).
#ifndef EVENTCODER_BASE_CACHE_FILE_H_
#define EVENTCODER_BASE_CACHE_FILE_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace eventcoder {

// The path of cache file `name` ("wordnet-lexicon.bin"), or "" when caching is off.
std::string CacheFilePath(std::string_view name);

// "path size mtime" for each file, one per line ("path -" for a file that does not exist),
// so that a cache built from these files is rebuilt when any of them changes.
std::string FileStamp(const std::vector<std::string>& paths);

// Reads the payload of a cache file written with the same magic and stamp. False (and
// *payload untouched) when the file is missing or does not match in every part.
bool ReadCacheFile(const std::string& path, std::string_view magic, std::string_view stamp,
                   std::string* payload);

// Writes a cache file atomically; does nothing when path is "".
void WriteCacheFile(const std::string& path, std::string_view magic, std::string_view stamp,
                    std::string_view payload);

// Helpers to build and parse payloads: little records of plain values and strings.
class PayloadWriter {
 public:
  template <typename T>
  void Pod(const T& v) {
    out_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  // A vector of plain values: its length, then its bytes.
  template <typename T>
  void PodVector(const std::vector<T>& v) {
    Pod(static_cast<uint64_t>(v.size()));
    out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void String(std::string_view s) {
    Pod(static_cast<uint64_t>(s.size()));
    out_.append(s);
  }
  std::string& data() { return out_; }

 private:
  std::string out_;
};

class PayloadReader {
 public:
  explicit PayloadReader(std::string_view data) : d_(data) {}
  template <typename T>
  bool Pod(T* v) {
    if (sizeof(T) > d_.size() - pos_) return false;
    std::memcpy(v, d_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool String(std::string* s) {
    uint64_t n = 0;
    if (!Pod(&n) || n > d_.size() - pos_) return false;
    s->assign(d_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  template <typename T>
  bool PodVector(std::vector<T>* v) {
    uint64_t n = 0;
    if (!Pod(&n) || n > (d_.size() - pos_) / sizeof(T)) return false;
    v->resize(n);
    std::memcpy(v->data(), d_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return true;
  }
  bool AtEnd() const { return pos_ == d_.size(); }

 private:
  std::string_view d_;
  size_t pos_ = 0;
};

}  // namespace eventcoder

#endif  // EVENTCODER_BASE_CACHE_FILE_H_

// ParallelCoder: codes batches of stories on a fixed pool of threads and hands the results
// back in input order, so the output is identical whatever the thread count.
//
// Usage: Add() stories as they are read; each full batch (and the last, partial one, at
// Flush()) is coded on all threads, then `on_result` is called for every story of the
// batch, in input order, on the calling thread. Memory is bounded by the batch size.
//
// Errors: a story whose coding fails gets its Status passed to `on_result`; the others are
// unaffected.
//
// Thread safety: one ParallelCoder is driven by one thread. The StoryCoder must outlive it
// and is shared read-only by the workers.
#ifndef EVENTCODER_PIPELINE_PARALLEL_CODER_H_
#define EVENTCODER_PIPELINE_PARALLEL_CODER_H_

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "pipeline/story_coder.h"

namespace eventcoder {

class ParallelCoder {
 public:
  using ResultFn = std::function<void(Story&& story, const Status& status, StoryResult&& result)>;

  // threads < 1 is taken as 1 (then everything runs on the calling thread). batch_stories
  // < 1 is taken as 1.
  ParallelCoder(const StoryCoder& coder, int threads, size_t batch_stories, bool keep_trees,
                ResultFn on_result);
  ParallelCoder(const ParallelCoder&) = delete;
  ParallelCoder& operator=(const ParallelCoder&) = delete;
  ~ParallelCoder();

  void Add(Story&& story);
  // Codes and delivers what is pending.
  void Flush();

 private:
  void RunBatch();
  void Work(size_t worker);
  void CodeSome();

  const StoryCoder& coder_;
  const size_t batch_;
  const bool keep_trees_;
  ResultFn on_result_;

  std::vector<Story> stories_;
  std::vector<StoryResult> results_;
  std::vector<Status> statuses_;

  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable start_cv_, done_cv_;
  size_t generation_ = 0;  // guarded by mu_; bumped for each batch
  size_t busy_ = 0;        // guarded by mu_; workers still on the current batch
  bool stop_ = false;      // guarded by mu_
  std::atomic<size_t> next_{0};
};

}  // namespace eventcoder

#endif  // EVENTCODER_PIPELINE_PARALLEL_CODER_H_

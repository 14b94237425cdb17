#include "pipeline/parallel_coder.h"

#include <utility>

namespace eventcoder {

ParallelCoder::ParallelCoder(const StoryCoder& coder, int threads, size_t batch_stories,
                             bool keep_trees, ResultFn on_result)
    : coder_(coder),
      batch_(batch_stories < 1 ? 1 : batch_stories),
      keep_trees_(keep_trees),
      on_result_(std::move(on_result)) {
  stories_.reserve(batch_);
  // The calling thread works too, so threads - 1 helpers.
  for (int i = 1; i < threads; ++i) workers_.emplace_back([this, i] { Work(i); });
}

ParallelCoder::~ParallelCoder() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  start_cv_.notify_all();
  for (auto& t : workers_) t.join();
}

void ParallelCoder::Add(Story&& story) {
  stories_.push_back(std::move(story));
  if (stories_.size() >= batch_) RunBatch();
}

void ParallelCoder::Flush() {
  if (!stories_.empty()) RunBatch();
}

void ParallelCoder::CodeSome() {
  for (size_t i = next_.fetch_add(1); i < stories_.size(); i = next_.fetch_add(1)) {
    statuses_[i] = coder_.Code(stories_[i], &results_[i], keep_trees_);
  }
}

void ParallelCoder::Work(size_t) {
  size_t seen = 0;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      start_cv_.wait(lock, [&] { return stop_ || generation_ != seen; });
      if (stop_) return;
      seen = generation_;
    }
    CodeSome();
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (--busy_ == 0) done_cv_.notify_one();
    }
  }
}

void ParallelCoder::RunBatch() {
  results_.assign(stories_.size(), StoryResult());
  statuses_.assign(stories_.size(), Status::Ok());
  next_.store(0);
  if (!workers_.empty()) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      busy_ = workers_.size();
      ++generation_;
    }
    start_cv_.notify_all();
  }
  CodeSome();
  if (!workers_.empty()) {
    std::unique_lock<std::mutex> lock(mu_);
    done_cv_.wait(lock, [&] { return busy_ == 0; });
  }
  for (size_t i = 0; i < stories_.size(); ++i) {
    on_result_(std::move(stories_[i]), statuses_[i], std::move(results_[i]));
  }
  stories_.clear();
}

}  // namespace eventcoder

#pragma once
// One self-rewriting line on stderr: objects, bytes, rate and ETA. Redraws at most 10 times a
// second; finish() ends the line. Only used when stderr is a terminal.
#include "upload/progress.hpp"

#include <chrono>

namespace quiltup::cli {

class progress_bar {
 public:
  progress_bar();
  void update(const upload::progress_event& e);
  void finish();

 private:
  void draw(const upload::progress_event& e);
  std::chrono::steady_clock::time_point start_, last_draw_;
  upload::progress_event last_;
  bool drawn_ = false;
};

}  // namespace quiltup::cli

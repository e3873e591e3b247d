#include "progress_bar.hpp"

#include <cstdio>

namespace quiltup::cli {

namespace {

void human(char* out, std::size_t n, double bytes) {
  const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  int u = 0;
  while (bytes >= 1024 && u < 4) {
    bytes /= 1024;
    ++u;
  }
  std::snprintf(out, n, "%.1f %s", bytes, units[u]);
}

}  // namespace

progress_bar::progress_bar() : start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

void progress_bar::update(const upload::progress_event& e) {
  last_ = e;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  draw(e);
}

void progress_bar::draw(const upload::progress_event& e) {
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double rate = seconds > 0 ? static_cast<double>(e.bytes_done) / seconds : 0;
  char done[32], total[32], per_second[32], eta[32] = "?";
  human(done, sizeof done, static_cast<double>(e.bytes_done));
  human(total, sizeof total, static_cast<double>(e.bytes_total));
  human(per_second, sizeof per_second, rate);
  if (e.totals_final && rate > 0 && e.bytes_total >= e.bytes_done)
    std::snprintf(eta, sizeof eta, "%.0fs", static_cast<double>(e.bytes_total - e.bytes_done) / rate);
  std::fprintf(stderr, "\r\033[K%llu/%llu%s objects  %s / %s  %s/s  ETA %s%s",
               static_cast<unsigned long long>(e.objects_done), static_cast<unsigned long long>(e.objects_total),
               e.totals_final ? "" : "+", done, total, per_second, eta,
               e.objects_failed ? "  (some failed)" : "");
  std::fflush(stderr);
  drawn_ = true;
}

void progress_bar::finish() {
  if (!drawn_) return;
  draw(last_);
  std::fputc('\n', stderr);
}

}  // namespace quiltup::cli

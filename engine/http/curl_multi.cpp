#include "http/curl_multi.hpp"

#include "http/curl_global.hpp"

#include <boost/asio/any_completion_executor.hpp>
#include <boost/asio/append.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/execution/outstanding_work.hpp>
#include <boost/asio/generic/stream_protocol.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/prefer.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <optional>
#include <sys/socket.h>
#include <unistd.h>
#include <unordered_map>
#include <utility>

namespace quiltup::http {

namespace {

using boost::system::error_code;
using socket_type = asio::generic::stream_protocol::socket;

// One descriptor curl asked us to watch.
struct watched_socket {
  explicit watched_socket(const executor& ex) : socket(ex) {}
  socket_type socket;
  curl_socket_t fd = CURL_SOCKET_BAD;  // curl's descriptor (a foreign socket's copy differs)
  int wanted = 0;                      // CURL_POLL_IN / CURL_POLL_OUT bits curl asks for now
  bool read_pending = false;
  bool write_pending = false;
  bool closed = false;
  bool foreign = false;                // opened by curl itself; `socket` holds our dup()
  // Bumped whenever pending waits are cancelled, so their late completions are recognised.
  std::uint64_t generation = 0;
};

}  // namespace

struct curl_multi::state : std::enable_shared_from_this<curl_multi::state> {
  struct transfer {
    perform_handler handler;
    asio::cancellation_slot slot;
    std::uint64_t id;
    // Keep both contexts from running out of work while curl owns the transfer: ours, and
    // the one the caller resumes on.
    executor work;
    asio::any_completion_executor caller_work;
  };

  // Installed in the caller's cancellation slot. Cancellation may be emitted from another
  // thread and while the slot is being used, so it only posts; the id guards against a
  // recycled CURL* by the time the post runs.
  struct cancel_transfer {
    std::weak_ptr<state> owner;
    CURL* easy;
    std::uint64_t id;
    void operator()(asio::cancellation_type type) const {
      if (type == asio::cancellation_type::none) return;
      if (auto s = owner.lock())
        asio::post(s->executor_, [s, easy = easy, id = id] { s->complete(easy, id, asio::error::operation_aborted, CURLE_OK); });
    }
  };

  using timer_clock = asio::steady_timer::clock_type;

  state(executor ex, const multi_options& options) : executor_(std::move(ex)), timer_(executor_) {
    ensure_curl_global();
    multi_ = curl_multi_init();
    if (!multi_)
      throw failure(make_error("OutOfMemory", "libcurl could not allocate a multi handle", {},
                               "free memory and try again"));
    curl_multi_setopt(multi_, CURLMOPT_SOCKETFUNCTION, &state::on_socket);
    curl_multi_setopt(multi_, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(multi_, CURLMOPT_TIMERFUNCTION, &state::on_timer);
    curl_multi_setopt(multi_, CURLMOPT_TIMERDATA, this);
    curl_multi_setopt(multi_, CURLMOPT_MAX_HOST_CONNECTIONS, options.max_host_connections);
    curl_multi_setopt(multi_, CURLMOPT_MAX_TOTAL_CONNECTIONS, options.max_total_connections);
    curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS, options.max_total_connections);
  }

  ~state() { shutdown(false); }

  // --- operations, all on executor_ ---------------------------------------------------------

  void add(easy_handle& easy, perform_handler handler) {
    if (!multi_) {
      asio::post(executor_, asio::append(std::move(handler), error_code(asio::error::operation_aborted), CURLE_OK));
      return;
    }
    CURL* e = easy.native();
    curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, &state::on_open_socket);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, this);
    curl_easy_setopt(e, CURLOPT_CLOSESOCKETFUNCTION, &state::on_close_socket);
    curl_easy_setopt(e, CURLOPT_CLOSESOCKETDATA, this);

    if (transfers_.contains(e)) {
      // The same easy handle twice at once is a caller bug; fail the second operation only.
      asio::post(executor_, asio::append(std::move(handler), error_code(), CURLE_FAILED_INIT));
      return;
    }
    const std::uint64_t id = ++next_id_;
    auto slot = handler.get_cancellation_slot();
    auto caller_work = asio::prefer(asio::get_associated_executor(handler, executor_),
                                    asio::execution::outstanding_work.tracked);
    auto it = transfers_
                  .emplace(e, transfer{std::move(handler), slot, id,
                                       asio::prefer(executor_, asio::execution::outstanding_work.tracked),
                                       std::move(caller_work)})
                  .first;
    // Neither call runs a transfer: curl only arms its timer, so completion cannot happen here.
    if (curl_multi_add_handle(multi_, e) != CURLM_OK) {
      auto t = std::move(it->second);
      transfers_.erase(it);
      asio::post(executor_, asio::append(std::move(t.handler), error_code(), CURLE_FAILED_INIT));
      return;
    }
    if (slot.is_connected()) slot.emplace<cancel_transfer>(weak_from_this(), e, id);
  }

  // Ends a transfer: takes it off the multi handle and posts its completion.
  void complete(CURL* e, std::uint64_t id, error_code ec, CURLcode code) {
    auto it = transfers_.find(e);
    if (it == transfers_.end() || (id != 0 && it->second.id != id)) return;
    transfer t = std::move(it->second);
    transfers_.erase(it);
    if (multi_) curl_multi_remove_handle(multi_, e);  // may close or release sockets through our callbacks
    if (t.slot.is_connected()) t.slot.clear();
    asio::post(executor_, asio::append(std::move(t.handler), ec, code));
  }

  void drain_finished() {
    int left = 0;
    while (multi_) {
      CURLMsg* msg = curl_multi_info_read(multi_, &left);
      if (!msg) break;
      if (msg->msg != CURLMSG_DONE) continue;
      // msg dies with remove_handle: copy what we need first.
      CURL* e = msg->easy_handle;
      const CURLcode result = msg->data.result;
      complete(e, 0, {}, result);
    }
  }

  void act(curl_socket_t fd, int events) {
    if (!multi_) return;
    int running = 0;
    curl_multi_socket_action(multi_, fd, events, &running);
    drain_finished();
  }

  // --- sockets ------------------------------------------------------------------------------

  void arm(const std::shared_ptr<watched_socket>& ws) {
    if (ws->closed || closing_) return;
    if ((ws->wanted & CURL_POLL_IN) && !ws->read_pending) {
      ws->read_pending = true;
      ws->socket.async_wait(socket_type::wait_read,
                            [self = shared_from_this(), ws, gen = ws->generation](error_code ec) {
                              self->on_ready(ws, gen, CURL_CSELECT_IN, ec);
                            });
    }
    if ((ws->wanted & CURL_POLL_OUT) && !ws->write_pending) {
      ws->write_pending = true;
      ws->socket.async_wait(socket_type::wait_write,
                            [self = shared_from_this(), ws, gen = ws->generation](error_code ec) {
                              self->on_ready(ws, gen, CURL_CSELECT_OUT, ec);
                            });
    }
  }

  void on_ready(const std::shared_ptr<watched_socket>& ws, std::uint64_t gen, int direction, error_code ec) {
    if (gen != ws->generation) return;  // cancelled on purpose; a newer wait owns the flags
    (direction == CURL_CSELECT_IN ? ws->read_pending : ws->write_pending) = false;
    if (ec == asio::error::operation_aborted || ws->closed || !multi_) return;
    const int bit = direction == CURL_CSELECT_IN ? CURL_POLL_IN : CURL_POLL_OUT;
    if (!(ws->wanted & bit)) return;
    act(ws->fd, ec ? CURL_CSELECT_ERR : direction);
    // curl calls on_socket only when its interest changes: keep waiting while it still wants
    // this socket. After an error curl fails or drops the socket; re-arming could spin.
    if (!ec) arm(ws);
  }

  void watch(curl_socket_t fd, int what) {
    if (closing_) return;
    auto it = sockets_.find(fd);
    std::shared_ptr<watched_socket> ws;
    if (it != sockets_.end()) {
      ws = it->second;
    } else {
      if (what == CURL_POLL_REMOVE) return;
      ws = adopt_foreign(fd);
      if (!ws) return;  // the transfer then ends by its own timeout
    }
    ws->wanted = what == CURL_POLL_REMOVE ? 0 : what;
    const bool stale_read = ws->read_pending && !(ws->wanted & CURL_POLL_IN);
    const bool stale_write = ws->write_pending && !(ws->wanted & CURL_POLL_OUT);
    if (stale_read || stale_write) {
      // An idle connection must not keep a wait (and so the io_context) alive.
      ++ws->generation;
      ws->read_pending = ws->write_pending = false;
      error_code ignored;
      ws->socket.cancel(ignored);
    }
    if (what == CURL_POLL_REMOVE && ws->foreign) {
      forget(fd);
      return;
    }
    arm(ws);
  }

  std::shared_ptr<watched_socket> adopt_foreign(curl_socket_t fd) {
    const int copy = ::dup(fd);
    if (copy < 0) return nullptr;
    auto ws = std::make_shared<watched_socket>(executor_);
    error_code ec;
    ws->socket.assign(asio::generic::stream_protocol(AF_UNIX, 0), copy, ec);
    if (ec) {
      ::close(copy);
      return nullptr;
    }
    ws->fd = fd;
    ws->foreign = true;
    sockets_[fd] = ws;
    return ws;
  }

  // Drops our watch on `fd`; closes the Asio socket (ours, or our dup of a foreign one).
  void forget(curl_socket_t fd) {
    auto it = sockets_.find(fd);
    if (it == sockets_.end()) return;
    auto ws = std::move(it->second);
    sockets_.erase(it);
    if (!ws->foreign) --open_connections_;
    ws->closed = true;
    ++ws->generation;
    error_code ignored;
    ws->socket.close(ignored);  // pending waits complete with operation_aborted
  }

  curl_socket_t open_socket(curlsocktype purpose, curl_sockaddr* address) {
    if (closing_) return CURL_SOCKET_BAD;
    if (purpose != CURLSOCKTYPE_IPCXN || address->socktype != SOCK_STREAM)
      return ::socket(address->family, address->socktype, address->protocol);  // watched as foreign
    auto ws = std::make_shared<watched_socket>(executor_);
    error_code ec;
    ws->socket.open(asio::generic::stream_protocol(address->family, address->protocol), ec);
    if (ec) return CURL_SOCKET_BAD;
    ws->fd = ws->socket.native_handle();
    forget(ws->fd);  // a stale foreign watch on a number the kernel has just reused
    sockets_[ws->fd] = ws;
    ++connections_opened_;
    ++open_connections_;
    return ws->fd;
  }

  int close_socket(curl_socket_t fd) {
    auto it = sockets_.find(fd);
    const bool ours = it != sockets_.end() && !it->second->foreign;
    forget(fd);
    return ours ? 0 : ::close(fd);
  }

  // --- timer --------------------------------------------------------------------------------

  // curl moves its one timer at nearly every step of every transfer (0 ms after a handle is
  // added, a later deadline after each read), and each move of an Asio timer is a
  // timerfd_settime: 15 % of the CPU of 10,000 small uploads (perf, bench/RESULTS.md). So a 0 ms
  // timeout is a posted action, and a deadline later than the one armed only moves `due_`: the
  // armed wait fires first and re-arms for it. Only an earlier deadline, or none, touches the timer.
  void set_timer(long timeout_ms) {
    if (closing_) return;
    if (timeout_ms < 0) {
      due_.reset();
      if (armed_) {
        armed_.reset();
        timer_.cancel();  // nothing left to wait for: let the io_context run out of work
      }
      return;
    }
    if (timeout_ms == 0) {
      due_.reset();
      if (!immediate_pending_) {
        immediate_pending_ = true;
        asio::post(executor_, [self = shared_from_this()] {
          self->immediate_pending_ = false;
          if (!self->closing_) self->act(CURL_SOCKET_TIMEOUT, 0);
        });
      }
      return;
    }
    const auto deadline = timer_clock::now() + std::chrono::milliseconds(timeout_ms);
    due_ = deadline;
    if (!armed_ || *armed_ > deadline) arm_timer(deadline);
  }

  void arm_timer(timer_clock::time_point deadline) {
    armed_ = deadline;
    timer_.expires_at(deadline);  // cancels the previous wait, whose handler then sees an error
    timer_.async_wait([self = shared_from_this()](error_code ec) {
      if (ec) return;
      self->armed_.reset();
      if (!self->due_ || self->closing_) return;
      if (*self->due_ > timer_clock::now()) return self->arm_timer(*self->due_);
      self->due_.reset();
      self->act(CURL_SOCKET_TIMEOUT, 0);
    });
  }

  // --- teardown -----------------------------------------------------------------------------

  // With `notify`, transfers still running complete with operation_aborted; without it (the
  // io_context is going away) their handlers are just destroyed.
  void shutdown(bool notify) {
    if (!multi_) return;
    closing_ = true;
    auto running = std::move(transfers_);
    transfers_.clear();
    for (auto& [e, t] : running) {
      curl_multi_remove_handle(multi_, e);
      if (t.slot.is_connected()) t.slot.clear();
      if (notify)
        asio::post(executor_, asio::append(std::move(t.handler), error_code(asio::error::operation_aborted), CURLE_OK));
    }
    curl_multi_cleanup(multi_);  // closes idle connections through on_close_socket
    multi_ = nullptr;
    armed_.reset();
    due_.reset();
    timer_.cancel();
    while (!sockets_.empty()) forget(sockets_.begin()->first);
  }

  // --- C callbacks --------------------------------------------------------------------------

  static int on_socket(CURL*, curl_socket_t fd, int what, void* self, void*) {
    static_cast<state*>(self)->watch(fd, what);
    return 0;
  }
  static int on_timer(CURLM*, long timeout_ms, void* self) {
    static_cast<state*>(self)->set_timer(timeout_ms);
    return 0;
  }
  static curl_socket_t on_open_socket(void* self, curlsocktype purpose, curl_sockaddr* address) {
    return static_cast<state*>(self)->open_socket(purpose, address);
  }
  static int on_close_socket(void* self, curl_socket_t fd) { return static_cast<state*>(self)->close_socket(fd); }

  executor executor_;
  asio::steady_timer timer_;
  std::optional<timer_clock::time_point> armed_;  // when timer_ fires, if a wait is pending
  std::optional<timer_clock::time_point> due_;    // when curl wants its timeout (set_timer)
  bool immediate_pending_ = false;          // a 0 ms timeout already posted
  CURLM* multi_ = nullptr;
  bool closing_ = false;
  std::unordered_map<CURL*, transfer> transfers_;
  std::unordered_map<curl_socket_t, std::shared_ptr<watched_socket>> sockets_;
  std::uint64_t next_id_ = 0;
  std::uint64_t connections_opened_ = 0;
  std::size_t open_connections_ = 0;
};

curl_multi::curl_multi(executor ex, multi_options options)
    : state_(std::make_shared<state>(std::move(ex), options)) {}

// Runs on the executor's thread, or after its context stopped running: nothing else can be
// touching the multi handle then.
curl_multi::~curl_multi() { state_->shutdown(true); }

void curl_multi::start(easy_handle& easy, perform_handler handler) {
  asio::dispatch(state_->executor_, [s = state_, e = &easy, h = std::move(handler)]() mutable { s->add(*e, std::move(h)); });
}

executor curl_multi::get_executor() const noexcept { return state_->executor_; }

multi_stats curl_multi::stats() const noexcept {
  return {state_->connections_opened_, state_->open_connections_, state_->transfers_.size()};
}

}  // namespace quiltup::http

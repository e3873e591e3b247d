#pragma once
// Catch2 v2 has no coroutine support: run an awaitable to completion on a fresh io_context
// and hand back its value, rethrowing whatever it threw.
#include "core/awaitable.hpp"

#include <boost/asio/io_context.hpp>

#include <exception>
#include <optional>
#include <utility>

namespace quiltup::test {

template <class T>
T run_awaitable(boost::asio::io_context& io, awaitable<T> op) {
  std::exception_ptr error;
  std::optional<T> value;
  boost::asio::co_spawn(io, std::move(op), [&](std::exception_ptr e, T v) {
    error = e;
    if (!e) value.emplace(std::move(v));
  });
  io.restart();
  io.run();
  if (error) std::rethrow_exception(error);
  return std::move(*value);
}

inline void run_awaitable(boost::asio::io_context& io, awaitable<void> op) {
  std::exception_ptr error;
  boost::asio::co_spawn(io, std::move(op), [&](std::exception_ptr e) { error = e; });
  io.restart();
  io.run();
  if (error) std::rethrow_exception(error);
}

template <class T>
T run_awaitable(awaitable<T> op) {
  boost::asio::io_context io;
  return run_awaitable(io, std::move(op));
}

}  // namespace quiltup::test

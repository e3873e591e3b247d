#pragma once
// Vocabulary for coroutine code. Boost 1.81 ships Asio 1.26: there is no default completion
// token, so every initiating call names one of these explicitly.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace quiltup {

namespace asio = boost::asio;

template <class T = void>
using awaitable = asio::awaitable<T>;

using executor = asio::any_io_executor;

inline constexpr auto& use_awaitable = asio::use_awaitable;
// Where a failure is a branch rather than an exception: auto [ec, n] = co_await op(as_tuple_awaitable);
inline constexpr auto as_tuple_awaitable = asio::as_tuple(asio::use_awaitable);

}  // namespace quiltup

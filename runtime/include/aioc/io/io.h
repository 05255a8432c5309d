// aioc's I/O, one include for generated code. How the Python names map:
//
//   httpx.AsyncClient(base_url=, headers=, timeout=, follow_redirects=)
//       -> httpx::AsyncClient(httpx::ClientOptions{baseUrl, headers, timeout,
//          followRedirects}); `async with` = co_await c.aenter() ...
//          co_await c.aclose(); client.get/post/put/patch/delete/request(url,
//          httpx::RequestArgs{params, headers, content, json, data}) ->
//          Coro<httpx::Response>; r.status_code() .text() .content()
//          .headers().get(name) / .at(name) .url() .raise_for_status()
//          .json() (JSON text for the compiler's json.loads).
//       Exceptions: httpx::ConnectError, TimeoutException (ConnectTimeout,
//          ReadTimeout), HTTPStatusError, RemoteProtocolError, ... (http.h).
//   requests.get/post(url, params=, headers=, data=, json=, timeout=)
//       -> requests::get/post(url, requests::Args{...}) (blocking).
//   aiofiles.open(path, mode) -> co_await aiofiles::open(path, mode) ->
//       aiofiles::AsyncFile; `async with` closes with co_await f.close();
//       `async for line in f` loops on co_await f.anext() until nullopt.
//   open(path, mode) -> io::File::open(path, mode) (shared_ptr<File>);
//       `with` closes; `for line in f` loops on f->nextLine().
//   asyncio.create_subprocess_exec(*args, stdin=, stdout=, stderr=)
//       -> co_await io::create_subprocess_exec({args...},
//          io::SubprocessOptions{...}) with io::Redirect::Pipe for PIPE,
//          DevNull for DEVNULL, Stdout for STDOUT; _shell(cmd, ...) likewise.
//       proc.stdin/.stdout/.stderr -> proc.stdin_() / stdout_() / stderr_().
//   asyncio.open_connection(host, port) -> co_await io::open_connection(...)
//       -> io::StreamPair{reader, writer};
//   asyncio.start_server(cb, host, port) -> co_await io::start_server(cb,
//       host, port) -> io::Server; server.sockets[0].getsockname() ->
//       server.sockname().
//   time.sleep(s) -> io::sleep(s);  input(p) -> io::input(p);
//   subprocess.run(args, capture_output=, check=, input=, text=, shell=,
//       timeout=, cwd=) -> io::run(args, io::RunOptions{...}) ->
//       io::CompletedProcess; subprocess.check_output -> io::checkOutput.
//   str and bytes are both std::string (UTF-8 text / raw bytes); .decode()
//   and .encode() are the compiler's business.
#pragma once

#include "aioc/io/aiofiles.h"
#include "aioc/io/blocking.h"
#include "aioc/io/http.h"
#include "aioc/io/streams.h"
#include "aioc/io/subprocess.h"

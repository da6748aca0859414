// A child process whose standard output and error the parent reads line by line (private to
// src/serve): the sandbox's `floe simulate` runs (src/serve/sandbox.h).
//
// The child starts with standard input from /dev/null, output and error into one pipe, no other
// open descriptor of the parent (not the server's sockets), an empty signal mask and default
// signal actions (the server blocks SIGINT and SIGTERM in its threads; a child must not inherit
// that), and `environment` added to the parent's. Not thread-safe apart from terminate(), which
// may be called while another thread is in read_lines().
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace floe::serve {

class ChildProcess {
 public:
  // Starts `program` with `args` (not including argv[0]). Throws Error when it cannot start.
  ChildProcess(const std::filesystem::path& program, const std::vector<std::string>& args,
               const std::vector<std::string>& environment);
  // Terminates the child when it is still running, and waits for it.
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Calls `on_line` for each line (without its newline; a '\r' ends a line too) until the child
  // closes its output, then waits for it. Returns its exit status, or 128 + the signal that
  // ended it.
  int read_lines(const std::function<void(std::string_view)>& on_line);
  // Asks the child to stop (SIGTERM). Safe from any thread; nothing once it has been waited for.
  void terminate();

 private:
  int wait();

  std::mutex mutex_;  // guards pid_ between terminate() and reaping
  pid_t pid_ = -1;
  int output_ = -1;  // the pipe's reading end
};

}  // namespace floe::serve

#include "serve/child_process.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include "floe/error.h"

extern char** environ;

namespace floe::serve {
namespace {

// Owns posix_spawn's attribute and file-action objects.
struct SpawnSetup {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;
  SpawnSetup() {
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attributes);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
  }
};

}  // namespace

ChildProcess::ChildProcess(const std::filesystem::path& program,
                           const std::vector<std::string>& args,
                           const std::vector<std::string>& environment) {
  int pipe_ends[2];
  if (pipe2(pipe_ends, O_CLOEXEC) != 0) {
    throw Error(std::string("cannot create a pipe: ") + std::strerror(errno));
  }
  SpawnSetup s;
  posix_spawn_file_actions_addopen(&s.actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&s.actions, pipe_ends[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&s.actions, pipe_ends[1], STDERR_FILENO);
  posix_spawn_file_actions_addclosefrom_np(&s.actions, 3);  // the server's sockets stay here
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  for (int signal : {SIGINT, SIGTERM, SIGPIPE, SIGUSR1}) sigaddset(&defaults, signal);
  posix_spawnattr_setsigmask(&s.attributes, &none);
  posix_spawnattr_setsigdefault(&s.attributes, &defaults);
  posix_spawnattr_setflags(&s.attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  const std::string path = program.string();
  std::vector<char*> argv{const_cast<char*>(path.c_str())};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (char** e = environ; e && *e; ++e) envp.push_back(*e);
  for (const auto& e : environment) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);

  pid_t pid = -1;
  const int rc =
      posix_spawn(&pid, path.c_str(), &s.actions, &s.attributes, argv.data(), envp.data());
  close(pipe_ends[1]);
  if (rc != 0) {
    close(pipe_ends[0]);
    throw Error("cannot start " + path + ": " + std::strerror(rc));
  }
  pid_ = pid;
  output_ = pipe_ends[0];
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0) {
    terminate();
    wait();
  }
  if (output_ >= 0) close(output_);
}

int ChildProcess::read_lines(const std::function<void(std::string_view)>& on_line) {
  std::string pending;
  char buffer[4096];
  for (;;) {
    const ssize_t n = read(output_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    for (ssize_t i = 0; i < n; ++i) {
      if (buffer[i] == '\n' || buffer[i] == '\r') {
        if (!pending.empty()) on_line(pending);
        pending.clear();
      } else if (pending.size() < 4096) {  // a longer line is cut, not kept whole
        pending += buffer[i];
      }
    }
  }
  if (!pending.empty()) on_line(pending);
  return wait();
}

void ChildProcess::terminate() {
  std::lock_guard lock(mutex_);
  if (pid_ > 0) kill(pid_, SIGTERM);
}

int ChildProcess::wait() {
  const pid_t pid = pid_;
  if (pid <= 0) return -1;
  // Wait without reaping, then reap under the lock: terminate() never signals a process id
  // that has been reaped (and might belong to another process by then).
  siginfo_t info{};
  while (waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR) {
  }
  std::lock_guard lock(mutex_);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

}  // namespace floe::serve

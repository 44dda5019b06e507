// A headless Chromium for the page's tests, driven through the DevTools protocol over a
// WebSocket (Boost.Beast). Declarations only: Beast is compiled in browser.cpp.
//
//   auto b = browser::launch();                  // nullptr when chromium is not installed
//   ASSERT_TRUE(b->open("http://127.0.0.1:8080/#bamako")) << b->error();
//   std::string meta = b->evaluate("document.getElementById('meta').textContent");
//   b->screenshot("/tmp/page.png", 390);         // full page at a phone's width
//
// The browser runs in its own process group with a fresh profile folder; the destructor kills
// the group (SIGKILL), reaps it and removes the folder, whatever path the test leaves by; a
// test process killed outright takes the browser with it (PR_SET_PDEATHSIG).
// Every call waits at most its timeout and then fails (an empty result and error()); nothing
// blocks forever. One thread at a time.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace sitrep::server::testing {

class browser {
 public:
  /// The first of $SITREP_CHROMIUM, /usr/bin/chromium, /usr/bin/chromium-browser that exists.
  static std::optional<std::string> find_executable();

  /// Starts chromium headless on about:blank and connects to its page. nullptr when no chromium
  /// is installed; a browser whose ok() is false (see error()) when it did not come up.
  static std::unique_ptr<browser> launch(std::chrono::seconds timeout = std::chrono::seconds(60));

  ~browser();
  browser(const browser&) = delete;
  browser& operator=(const browser&) = delete;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  /// Navigates the page to `url` (returns when the navigation is committed, not loaded).
  bool open(const std::string& url);
  /// The value of a JavaScript expression, as a string (JSON for objects); empty on failure.
  std::string evaluate(const std::string& expression);
  /// Sets the viewport to `width` CSS pixels (height `height`), then saves a PNG of the
  /// whole page (beyond the viewport) to `path`.
  bool screenshot(const std::string& path, int width, int height = 900);

  struct state;

 private:
  browser();
  std::unique_ptr<state> s_;
  pid_t pid_ = -1;
  std::string profile_;
  std::string error_;
};

}  // namespace sitrep::server::testing

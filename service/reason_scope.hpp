// The audit reason of one use case that carries its own (an erasure request, a legal hold):
// for the duration of the scope the session's reason is `reason`, then the one it had before.
#pragma once

#include <string>

#include "service/session.hpp"

namespace mk::service {

class ReasonScope {
 public:
  // kInvalidInput from Session::set_reason is reported by status(); the session is unchanged then.
  ReasonScope(Session& s, std::string reason) : session_(s), saved_(s.reason()) {
    status_ = session_.set_reason(std::move(reason));
  }
  ~ReasonScope() { (void)session_.set_reason(saved_); }
  ReasonScope(const ReasonScope&) = delete;
  ReasonScope& operator=(const ReasonScope&) = delete;

  const Status& status() const { return status_; }

 private:
  Session& session_;
  std::string saved_;
  Status status_;
};

}  // namespace mk::service

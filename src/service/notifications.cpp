#include "service/notifications.hpp"

#include "core/local_text.hpp"

#include <string>

namespace hd::service {

using core::ports::Tx;

Result<NotificationPage> Notifications::List(const Actor& actor, std::optional<std::int64_t> before,
                                             int limit) {
  if (limit < 0 || limit > options_.max_page_size) {
    return Error::InvalidArgument(
        "limit must be between 1 and " + std::to_string(options_.max_page_size), "limit");
  }
  const int page_size = limit == 0 ? options_.default_page_size : limit;
  NotificationPage page;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(page.items,
                        tx.Notifications().ListForUser(actor.id, before, page_size + 1));
    HD_ASSIGN_OR_RETURN(page.unread, tx.Notifications().CountUnread(actor.id));
    return Ok();
  }));
  if (static_cast<int>(page.items.size()) > page_size) {
    page.items.pop_back();
    page.next_cursor = page.items.back().id;
  }
  // Texts are stored in every language they were written in; give the reader's.
  for (core::ports::Notification& n : page.items) {
    n.subject = core::LocalText::FromStored(n.subject).In(actor.language);
    n.body = core::LocalText::FromStored(n.body).In(actor.language);
  }
  return page;
}

Result<std::int64_t> Notifications::MarkRead(const Actor& actor, std::int64_t id) {
  std::int64_t unread = 0;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(bool found, tx.Notifications().MarkRead(id, actor.id, clock_.Now()));
    if (!found) return Error::NotFound("notification " + std::to_string(id) + " does not exist");
    HD_ASSIGN_OR_RETURN(unread, tx.Notifications().CountUnread(actor.id));
    return Ok();
  }));
  return unread;
}

}  // namespace hd::service

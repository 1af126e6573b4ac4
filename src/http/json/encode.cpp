#include "http/json/encode.hpp"

#include <boost/json/serialize.hpp>

#include "core/role.hpp"

namespace hd::core {

namespace {

template <class Tag>
boost::json::value OptionalId(const std::optional<Id<Tag>>& id) {
  if (!id) return nullptr;
  return id->value;
}

boost::json::string Iso(Timestamp t) { return boost::json::string(FormatIso8601(t)); }

// The SLA clock as people see it: {first_response_due, remaining_seconds,
// state, target, due, deadline_text}, or null for a ticket without one.
boost::json::value Sla(const std::optional<SlaStatus>& s) {
  if (!s) return nullptr;
  auto time = [](const std::optional<Timestamp>& t) -> boost::json::value {
    if (!t) return nullptr;
    return Iso(*t);
  };
  return boost::json::object{
      {"first_response_due", time(s->first_response_due)},
      {"remaining_seconds", s->remaining_seconds},
      {"state", ToString(s->state)},
      {"target", s->target ? boost::json::value(ToString(*s->target)) : nullptr},
      {"due", time(s->due)},
      {"deadline_text", s->customer_text},
  };
}

}  // namespace

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Ticket& t) {
  out = boost::json::object{
      {"id", t.id.value},
      {"number", t.number},
      {"subject", t.subject},
      {"category", t.category},
      {"status", ToString(t.status)},
      {"criticality", ToString(t.criticality)},
      {"level", t.support_level},
      {"level_reason", t.sla ? t.sla->level_reason : std::string()},
      {"sla", Sla(t.sla)},
      {"initiator_id", t.initiator_id.value},
      {"company_id", OptionalId(t.company_id)},
      {"assignee_id", OptionalId(t.assignee_id)},
      {"group_id", OptionalId(t.group_id)},
      {"tier", t.tier},
      {"channel", t.channel},
      {"sources_searched", t.sources_searched},
      {"steps", t.steps},
      {"expected", t.expected},
      {"actual", t.actual},
      {"version", t.version},
      {"created_at", Iso(t.created_at)},
      {"updated_at", Iso(t.updated_at)},
  };
  if (t.process) {
    auto& object = out.as_object();
    object["state"] = t.process->state;
    object["state_label"] = t.process->state_label;
    object["final"] = t.process->final;
    object["instructions"] = t.process->instructions;
    object["process"] =
        boost::json::object{{"id", t.process->process_id}, {"version", t.process->version}};
    if (!t.process->fields.empty()) {
      boost::json::object fields;
      for (const auto& [name, value] : t.process->fields) fields[name] = value;
      object["fields"] = std::move(fields);
    }
  }
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Attachment& a) {
  out = boost::json::object{
      {"id", a.id.value}, {"filename", a.filename}, {"content_type", a.content_type},
      {"size", a.size},   {"sha256", a.sha256},     {"url", hd::http::json::AttachmentUrl(a.id)},
  };
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Message& m) {
  out = boost::json::object{
      {"id", m.id.value},
      {"ticket_id", m.ticket_id.value},
      {"author_id", m.author_id.value},
      {"body", m.body},
      {"internal", m.internal},
      {"channel", m.channel},
      {"created_at", Iso(m.created_at)},
      {"attachments", boost::json::value_from(m.attachments)},
  };
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Event& e) {
  out = boost::json::object{
      {"id", e.id.value},
      {"ticket_id", e.ticket_id.value},
      {"actor_id", OptionalId(e.actor_id)},
      {"at", Iso(e.at)},
      {"kind", ToString(e.kind)},
      {"field", e.field},
      {"old", e.old_value},
      {"new", e.new_value},
  };
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Feedback& f) {
  out = boost::json::object{
      {"id", f.id.value},
      {"ticket_id", f.ticket_id.value},
      {"author_id", f.author_id.value},
      {"message_id", OptionalId(f.message_id)},
      {"rating", f.rating},
      {"comment", f.comment},
      {"created_at", Iso(f.created_at)},
  };
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const User& u) {
  out = boost::json::object{
      {"id", u.id.value},
      {"email", u.email},
      {"name", u.name},
      {"role", ToString(u.role)},
      {"company_id", OptionalId(u.company_id)},
      {"created_at", Iso(u.created_at)},
  };
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Category& c) {
  out = boost::json::object{
      {"slug", c.slug},
      {"label", c.label},
      {"group_id", OptionalId(c.group_id)},
      {"hint", c.hint},
  };
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Group& g) {
  out = boost::json::object{
      {"id", g.id.value},
      {"slug", g.slug},
      {"name", g.name},
      {"tier", g.tier},
  };
}

}  // namespace hd::core

namespace hd::http::json {

boost::json::value UserCard(const core::User& user) {
  return boost::json::object{
      {"id", user.id.value},
      {"name", user.name},
      {"role", core::ToString(user.role)},
  };
}

std::string AttachmentUrl(core::AttachmentId id) {
  return "/api/v1/attachments/" + std::to_string(id.value);
}

std::string Serialize(const boost::json::value& value) { return boost::json::serialize(value); }

}  // namespace hd::http::json

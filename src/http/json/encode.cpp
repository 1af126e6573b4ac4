#include "http/json/encode.hpp"

#include <boost/json/serialize.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "core/role.hpp"

namespace hd::core {

namespace {

template <class Tag>
boost::json::value OptionalId(const std::optional<Id<Tag>>& id) {
  if (!id) return nullptr;
  return id->value;
}

boost::json::string Iso(Timestamp t) { return boost::json::string(FormatIso8601(t)); }

// An instant in RFC 3339 form, or null; in the storage of the object it goes to.
boost::json::value IsoOrNull(const std::optional<Timestamp>& t, boost::json::storage_ptr sp) {
  if (!t) return boost::json::value(nullptr, std::move(sp));
  return boost::json::value(boost::json::string_view(FormatIso8601(*t)), std::move(sp));
}

// The SLA clock as people see it: {first_response_due, remaining_seconds,
// state, target, due, deadline_text}, or null for a ticket without one.
void PutSla(boost::json::object& ticket, const std::optional<SlaStatus>& s) {
  if (!s) {
    ticket.emplace("sla", nullptr);
    return;
  }
  boost::json::object sla(6, ticket.storage());
  sla.emplace("first_response_due", IsoOrNull(s->first_response_due, ticket.storage()));
  sla.emplace("remaining_seconds", s->remaining_seconds);
  sla.emplace("state", ToString(s->state));
  if (s->target) {
    sla.emplace("target", ToString(*s->target));
  } else {
    sla.emplace("target", nullptr);
  }
  sla.emplace("due", IsoOrNull(s->due, ticket.storage()));
  sla.emplace("deadline_text", s->customer_text);
  ticket.emplace("sla", std::move(sla));
}

}  // namespace

// Built member by member into `out`'s own storage (a response's monotonic
// buffer, see TicketResponse), sized once: every ticket shown is one of these.
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Ticket& t) {
  boost::json::object& o = out.emplace_object();
  o.reserve(t.process ? 29 : 23);
  o.emplace("id", t.id.value);
  o.emplace("number", t.number);
  o.emplace("subject", t.subject);
  o.emplace("category", t.category);
  o.emplace("status", ToString(t.status));
  o.emplace("criticality", ToString(t.criticality));
  o.emplace("level", t.support_level);
  o.emplace("level_reason", t.sla ? boost::json::string_view(t.sla->level_reason) : "");
  PutSla(o, t.sla);
  o.emplace("initiator_id", t.initiator_id.value);
  o.emplace("company_id", OptionalId(t.company_id));
  o.emplace("assignee_id", OptionalId(t.assignee_id));
  o.emplace("group_id", OptionalId(t.group_id));
  o.emplace("tier", t.tier);
  o.emplace("channel", t.channel);
  o.emplace("sources_searched", t.sources_searched);
  o.emplace("steps", t.steps);
  o.emplace("expected", t.expected);
  o.emplace("actual", t.actual);
  o.emplace("version", t.version);
  o.emplace("created_at", IsoOrNull(t.created_at, o.storage()));
  o.emplace("updated_at", IsoOrNull(t.updated_at, o.storage()));
  if (t.process) {
    o.emplace("state", t.process->state);
    o.emplace("state_label", t.process->state_label);
    o.emplace("final", t.process->final);
    o.emplace("instructions", t.process->instructions);
    boost::json::object process(2, o.storage());
    process.emplace("id", t.process->process_id);
    process.emplace("version", t.process->version);
    o.emplace("process", std::move(process));
    if (!t.process->fields.empty()) {
      boost::json::object fields(t.process->fields.size(), o.storage());
      for (const auto& [name, value] : t.process->fields) fields.emplace(name, value);
      o.emplace("fields", std::move(fields));
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
      {"language", u.language},
      {"time_zone", u.time_zone},
  };
}

}  // namespace hd::core

namespace hd::http::json {

boost::json::value CategoryJson(const core::Category& c, std::string_view language) {
  return boost::json::object{
      {"slug", c.slug},
      {"label", c.label.In(language)},
      {"group_id", core::OptionalId(c.group_id)},
      {"hint", c.hint.In(language)},
  };
}

boost::json::value GroupJson(const core::Group& g, std::string_view language) {
  return boost::json::object{
      {"id", g.id.value},
      {"slug", g.slug},
      {"name", g.name.In(language)},
      {"tier", g.tier},
  };
}

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

namespace {

bool HasDouble(const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::double_:
      return true;
    case boost::json::kind::array:
      for (const auto& item : v.get_array()) {
        if (HasDouble(item)) return true;
      }
      return false;
    case boost::json::kind::object:
      for (const auto& member : v.get_object()) {
        if (HasDouble(member.value())) return true;
      }
      return false;
    default:
      return false;
  }
}

void WriteString(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned char>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

// Writes `v` as Boost.JSON does, but for numbers with a fraction: the
// shortest decimal that reads back the same ("0.5", "0.08333333333333334"),
// not Boost's exponent form ("5E-1"); "null" for NaN and infinities.
void Write(std::string& out, const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::double_: {
      const double d = v.get_double();
      if (!std::isfinite(d)) {
        out += "null";
        return;
      }
      char buf[64];
      const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
      out.append(buf, ec == std::errc() ? end : buf);
      return;
    }
    case boost::json::kind::array: {
      out += '[';
      bool first = true;
      for (const auto& item : v.get_array()) {
        if (!first) out += ',';
        first = false;
        Write(out, item);
      }
      out += ']';
      return;
    }
    case boost::json::kind::object: {
      out += '{';
      bool first = true;
      for (const auto& member : v.get_object()) {
        if (!first) out += ',';
        first = false;
        WriteString(out, member.key());
        out += ':';
        Write(out, member.value());
      }
      out += '}';
      return;
    }
    case boost::json::kind::string:
      WriteString(out, v.get_string());
      return;
    default:
      out += boost::json::serialize(v);  // integers, booleans, null
  }
}

}  // namespace

std::string Serialize(const boost::json::value& value) {
  if (!HasDouble(value)) return boost::json::serialize(value);
  std::string out;
  Write(out, value);
  return out;
}

}  // namespace hd::http::json

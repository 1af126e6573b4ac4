-- Reply and mail texts as administrators edited them, one per template and
-- language. A row replaces the configuration file's text of that template
-- and language (config/defaults/templates/); removing it brings the file's
-- text back. Templates without a file are new reply templates.
CREATE TABLE template_texts (
  template_id TEXT NOT NULL,
  language TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by BIGINT REFERENCES users (id),
  PRIMARY KEY (template_id, language)
);

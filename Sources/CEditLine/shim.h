// Thin wrappers over libedit's variadic and global-dependent API, which Swift cannot call
// directly: el_set/el_get/history are variadic, and stdin/stdout/stderr are C globals.
#ifndef KPI_ALIGN_CEDITLINE_SHIM_H
#define KPI_ALIGN_CEDITLINE_SHIM_H

#include <histedit.h>
#include <stdio.h>
#include <locale.h>

typedef unsigned char (*kpi_el_command)(EditLine *, int);
typedef char *(*kpi_el_prompt)(EditLine *);

static inline EditLine *kpi_el_init(const char *program) {
  return el_init(program, stdin, stdout, stderr);
}
static inline void kpi_el_set_editor(EditLine *el, const char *mode) {
  el_set(el, EL_EDITOR, mode);
}
static inline void kpi_el_set_signal(EditLine *el, int on) { el_set(el, EL_SIGNAL, on); }
static inline void kpi_el_set_clientdata(EditLine *el, void *data) {
  el_set(el, EL_CLIENTDATA, data);
}
static inline void *kpi_el_get_clientdata(EditLine *el) {
  void *data = NULL;
  el_get(el, EL_CLIENTDATA, &data);
  return data;
}
static inline void kpi_el_add_function(EditLine *el, const char *name, const char *help,
                                       kpi_el_command fn) {
  el_set(el, EL_ADDFN, name, help, fn);
}
static inline void kpi_el_bind(EditLine *el, const char *key, const char *command) {
  el_set(el, EL_BIND, key, command, NULL);
}
static inline void kpi_el_set_history(EditLine *el, History *h) {
  el_set(el, EL_HIST, history, h);
}
static inline History *kpi_history_init(int size) {
  History *h = history_init();
  HistEvent ev;
  history(h, &ev, H_SETSIZE, size);
  history(h, &ev, H_SETUNIQUE, 1);
  return h;
}
static inline void kpi_history_enter(History *h, const char *line) {
  HistEvent ev;
  history(h, &ev, H_ENTER, line);
}
static inline int kpi_history_load(History *h, const char *path) {
  HistEvent ev;
  return history(h, &ev, H_LOAD, path);
}
static inline int kpi_history_save(History *h, const char *path) {
  HistEvent ev;
  return history(h, &ev, H_SAVE, path);
}

// Added for LineEditing: a prompt with escape sequences, our own character reader (so a signal
// ends el_gets at once instead of after libedit's one silent retry), raw/cooked switching for
// Ctrl-Z, redraws and the width.
#include <wchar.h>
#include <langinfo.h>

typedef int (*kpi_el_getc)(EditLine *, wchar_t *);

static inline void kpi_el_set_prompt_esc(EditLine *el, kpi_el_prompt prompt, char ignore) {
  el_set(el, EL_PROMPT_ESC, prompt, ignore);
}
static inline void kpi_el_set_getc(EditLine *el, kpi_el_getc fn) { el_set(el, EL_GETCFN, fn); }
static inline void kpi_el_refresh(EditLine *el) { el_set(el, EL_REFRESH); }
static inline void kpi_el_prepare_terminal(EditLine *el, int raw) { el_set(el, EL_PREP_TERM, raw); }
static inline int kpi_el_columns(EditLine *el) {
  int columns = 0;
  if (el_get(el, EL_GETTC, "co", &columns, NULL) != 0) return 0;
  return columns;
}
static inline const char *kpi_locale_codeset(void) { return nl_langinfo(CODESET); }

#endif

/*
 * frontrun_io.c - LD_PRELOAD library that reports socket I/O to frontrun.
 *
 * Design
 * ------
 * The library interposes the libc socket and I/O entry points (connect,
 * accept/accept4, close, read/readv, write/writev, send/sendto/sendmsg,
 * recv/recvfrom/recvmsg) and forwards every call to the real function found
 * with dlsym(RTLD_NEXT, ...).
 *
 *  - It is inert unless FRONTRUN_IO_FD or FRONTRUN_IO_LOG is set: every hook
 *    then checks one flag and calls straight through. No allocation, no output.
 *  - When enabled it keeps a process-global map fd -> resource for sockets
 *    only, filled on connect/accept and cleared on close. The JVM reads jars
 *    and writes its own channels all the time; calls on fds that are not
 *    tracked sockets are ignored. (Java sockets use read/write, not send/recv,
 *    so the fd filter is what keeps the event stream small.)
 *  - Each call on a tracked socket produces one line
 *        <kind>\t<resource>\t<fd>\t<pid>\t<tid>\n
 *    written with a single write(2) through syscall(SYS_write), so it never
 *    re-enters our own write hook and lines from different threads never
 *    interleave (pipes and O_APPEND files keep single small writes whole).
 *  - read/write events are reported before the real call (the point where the
 *    thread reaches the I/O), connect after the connection is made, close
 *    before the real close (so a reused fd number can never be dropped by a
 *    late removal).
 *  - A __thread re-entrancy guard stops our own bookkeeping (snprintf,
 *    getsockname, ...) from producing events, and nothing is ever written to
 *    fd 1: inside a Surefire fork that corrupts the fork's channel.
 *
 * See README.md next to this file for the protocol and the environment.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>

#define FRONTRUN_IO_VERSION "0.1.0"
#define EXPORT __attribute__((visibility("default")))

/* ------------------------------------------------------------------------ */
/* Real functions                                                            */
/* ------------------------------------------------------------------------ */

static int (*real_connect)(int, const struct sockaddr *, socklen_t);
static int (*real_accept)(int, struct sockaddr *, socklen_t *);
static int (*real_accept4)(int, struct sockaddr *, socklen_t *, int);
static int (*real_close)(int);
static ssize_t (*real_read)(int, void *, size_t);
static ssize_t (*real_readv)(int, const struct iovec *, int);
static ssize_t (*real_write)(int, const void *, size_t);
static ssize_t (*real_writev)(int, const struct iovec *, int);
static ssize_t (*real_send)(int, const void *, size_t, int);
static ssize_t (*real_sendto)(int, const void *, size_t, int, const struct sockaddr *, socklen_t);
static ssize_t (*real_sendmsg)(int, const struct msghdr *, int);
static ssize_t (*real_recv)(int, void *, size_t, int);
static ssize_t (*real_recvfrom)(int, void *, size_t, int, struct sockaddr *, socklen_t *);
static ssize_t (*real_recvmsg)(int, struct msghdr *, int);

/* ------------------------------------------------------------------------ */
/* State                                                                     */
/* ------------------------------------------------------------------------ */

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static atomic_int enabled;           /* 1 once an output fd is open        */
static atomic_int out_fd = -1;       /* FRONTRUN_IO_FD or the opened log    */
static int debug;                    /* FRONTRUN_IO_DEBUG=1                 */
static atomic_long event_count;      /* events written, for Java to query   */

/* initial-exec: the library is preloaded, so its TLS is in the static block
 * and reading the guard never calls into the allocator. */
static __thread int in_hook __attribute__((tls_model("initial-exec")));

/* ------------------------------------------------------------------------ */
/* Diagnostics: only with FRONTRUN_IO_DEBUG=1, always to fd 2, via syscall   */
/* ------------------------------------------------------------------------ */

static void raw_write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        long n = syscall(SYS_write, fd, buf, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        buf += n;
        len -= (size_t)n;
    }
}

__attribute__((format(printf, 1, 2)))
static void debugf(const char *fmt, ...)
{
    if (!debug)
        return;
    char buf[512];
    int saved = errno;
    int n = snprintf(buf, sizeof buf, "[frontrun-io %d] ", (int)getpid());
    va_list ap;
    va_start(ap, fmt);
    n += vsnprintf(buf + n, sizeof buf - (size_t)n, fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof buf - 1)
        n = (int)sizeof buf - 2;
    buf[n++] = '\n';
    raw_write_all(2, buf, (size_t)n);
    errno = saved;
}

/* ------------------------------------------------------------------------ */
/* fd -> resource map                                                        */
/*                                                                           */
/* A fixed open-addressing hash table (linear probing, backward-shift        */
/* deletion) under one mutex. fds are small dense integers, so fd & MASK is  */
/* a good hash. TABLE_SIZE bounds the number of sockets tracked at once;     */
/* beyond that new sockets are simply not reported. The table lives in BSS:  */
/* its pages are only touched once the library is enabled and sockets are    */
/* tracked. tracked_count lets the read/write fast path skip the lock while  */
/* no socket is tracked at all.                                              */
/* ------------------------------------------------------------------------ */

#define TABLE_SIZE 1024               /* power of two */
#define MASK (TABLE_SIZE - 1)
#define RES_MAX 128                   /* "socket:unix:" + sun_path + NUL */

struct entry {
    int key;                          /* fd + 1; 0 marks an empty slot */
    char res[RES_MAX];
};

static struct entry table[TABLE_SIZE];
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static atomic_int tracked_count;

static unsigned slot_of(int fd) { return (unsigned)fd & MASK; }

/* Caller holds table_lock. Returns the slot holding fd, or -1. */
static int find_locked(int fd)
{
    unsigned i = slot_of(fd);
    for (int n = 0; n < TABLE_SIZE; n++, i = (i + 1) & MASK) {
        if (table[i].key == 0)
            return -1;
        if (table[i].key == fd + 1)
            return (int)i;
    }
    return -1;
}

/* Tracks fd as res. Returns 1 if that is new, 0 if fd already had exactly
 * this name (a non-blocking connect being completed by a second connect())
 * or the table is full. */
static int map_put(int fd, const char *res)
{
    int changed = 0;
    pthread_mutex_lock(&table_lock);
    unsigned i = slot_of(fd);
    int n;
    for (n = 0; n < TABLE_SIZE; n++, i = (i + 1) & MASK) {
        if (table[i].key == fd + 1)
            break;                    /* known fd (or reused without our close) */
        if (table[i].key == 0) {
            table[i].key = fd + 1;
            table[i].res[0] = '\0';
            atomic_fetch_add(&tracked_count, 1);
            break;
        }
    }
    if (n < TABLE_SIZE && strcmp(table[i].res, res) != 0) {
        snprintf(table[i].res, RES_MAX, "%s", res);
        changed = 1;
    }
    pthread_mutex_unlock(&table_lock);
    if (n == TABLE_SIZE)
        debugf("table full, not tracking fd %d (%s)", fd, res);
    return changed;
}

/* Copies the resource of fd into out; returns 0 if fd is not a tracked socket. */
static int map_get(int fd, char out[RES_MAX])
{
    if (fd < 0 || atomic_load(&tracked_count) == 0)
        return 0;
    pthread_mutex_lock(&table_lock);
    int i = find_locked(fd);
    if (i >= 0)
        memcpy(out, table[i].res, RES_MAX);
    pthread_mutex_unlock(&table_lock);
    return i >= 0;
}

/* Removes fd, copying its resource into out; returns 0 if it was not tracked. */
static int map_remove(int fd, char out[RES_MAX])
{
    if (fd < 0 || atomic_load(&tracked_count) == 0)
        return 0;
    pthread_mutex_lock(&table_lock);
    int found = find_locked(fd);
    if (found >= 0) {
        memcpy(out, table[found].res, RES_MAX);
        /* Backward-shift deletion: pull later entries of the probe run into
         * the hole unless their home slot lies cyclically in (hole, j]. */
        unsigned hole = (unsigned)found, j = hole;
        for (;;) {
            j = (j + 1) & MASK;
            if (table[j].key == 0)
                break;
            unsigned home = slot_of(table[j].key - 1);
            int stays = hole <= j ? (hole < home && home <= j)
                                  : (hole < home || home <= j);
            if (!stays) {
                table[hole] = table[j];
                hole = j;
            }
        }
        table[hole].key = 0;
        atomic_fetch_sub(&tracked_count, 1);
    }
    pthread_mutex_unlock(&table_lock);
    return found >= 0;
}

/* ------------------------------------------------------------------------ */
/* Resource names                                                            */
/* ------------------------------------------------------------------------ */

/* Formats a socket address; returns 0 for families we do not track. */
static int format_addr(const struct sockaddr *sa, socklen_t len, char out[RES_MAX])
{
    char host[INET6_ADDRSTRLEN];
    if (sa == NULL || len < (socklen_t)sizeof(sa_family_t))
        return 0;
    switch (sa->sa_family) {
    case AF_INET: {
        const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
        inet_ntop(AF_INET, &in->sin_addr, host, sizeof host);
        snprintf(out, RES_MAX, "socket:%s:%u", host, ntohs(in->sin_port));
        return 1;
    }
    case AF_INET6: {
        /* Java sockets are dual-stack: IPv4 peers arrive as ::ffff:a.b.c.d.
         * Report those as plain IPv4 so both stacks give the same name. */
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
        unsigned port = ntohs(in6->sin6_port);
        if (IN6_IS_ADDR_V4MAPPED(&in6->sin6_addr)) {
            inet_ntop(AF_INET, &in6->sin6_addr.s6_addr[12], host, sizeof host);
            snprintf(out, RES_MAX, "socket:%s:%u", host, port);
        } else {
            inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof host);
            snprintf(out, RES_MAX, "socket:[%s]:%u", host, port);
        }
        return 1;
    }
    case AF_UNIX: {
        const struct sockaddr_un *un = (const struct sockaddr_un *)sa;
        size_t off = offsetof(struct sockaddr_un, sun_path);
        size_t n = len > off ? (size_t)len - off : 0;
        if (n > sizeof un->sun_path)
            n = sizeof un->sun_path;
        if (n == 0)                                   /* unnamed */
            snprintf(out, RES_MAX, "socket:unix:unnamed");
        else if (un->sun_path[0] == '\0')             /* abstract: @name */
            snprintf(out, RES_MAX, "socket:unix:@%.*s", (int)n - 1, un->sun_path + 1);
        else
            snprintf(out, RES_MAX, "socket:unix:%.*s", (int)strnlen(un->sun_path, n), un->sun_path);
        return 1;
    }
    default:
        return 0;
    }
}

/* ------------------------------------------------------------------------ */
/* Event output                                                              */
/* ------------------------------------------------------------------------ */

static void emit(const char *kind, const char *res, int fd)
{
    int ofd = atomic_load(&out_fd);
    if (ofd < 0)
        return;
    char line[RES_MAX + 96];
    int n = snprintf(line, sizeof line, "%s\t%s\t%d\t%d\t%ld\n",
                     kind, res, fd, (int)getpid(), (long)syscall(SYS_gettid));
    if (n <= 0 || n >= (int)sizeof line)
        return;
    raw_write_all(ofd, line, (size_t)n);
    atomic_fetch_add(&event_count, 1);
}

/* Tracks a connected socket under the name of addr and reports "connect". */
static void track(int fd, const struct sockaddr *addr, socklen_t len)
{
    char res[RES_MAX];
    if (!format_addr(addr, len, res))
        return;
    if (map_put(fd, res))
        emit("connect", res, fd);
}

/* Reports kind for fd if it is a tracked socket. */
static void report(const char *kind, int fd)
{
    char res[RES_MAX];
    if (fd != atomic_load(&out_fd) && map_get(fd, res))
        emit(kind, res, fd);
}

/* ------------------------------------------------------------------------ */
/* Initialisation                                                            */
/* ------------------------------------------------------------------------ */

#define RESOLVE(name) (real_##name = (__typeof__(real_##name))dlsym(RTLD_NEXT, #name))

static void init(void)
{
    int saved = errno;
    RESOLVE(connect);  RESOLVE(accept);  RESOLVE(accept4); RESOLVE(close);
    RESOLVE(read);     RESOLVE(readv);   RESOLVE(write);   RESOLVE(writev);
    RESOLVE(send);     RESOLVE(sendto);  RESOLVE(sendmsg);
    RESOLVE(recv);     RESOLVE(recvfrom); RESOLVE(recvmsg);

    const char *dbg = getenv("FRONTRUN_IO_DEBUG");
    debug = dbg != NULL && strcmp(dbg, "1") == 0;

    const char *fd_env = getenv("FRONTRUN_IO_FD");
    const char *log_env = getenv("FRONTRUN_IO_LOG");
    int fd = -1;
    if (fd_env != NULL && *fd_env != '\0') {
        char *end;
        long v = strtol(fd_env, &end, 10);
        if (*end != '\0' || v < 0 || v > 1 << 20 || v == 0 || v == 1)
            debugf("FRONTRUN_IO_FD=%s is not a usable fd (0 and 1 are refused)", fd_env);
        else if (fcntl((int)v, F_GETFD) < 0)
            debugf("FRONTRUN_IO_FD=%ld is not open", v);
        else
            fd = (int)v;
    } else if (log_env != NULL && *log_env != '\0') {
        /* Opened once; O_APPEND keeps lines from several processes whole,
         * O_CLOEXEC lets exec'd children open their own. */
        fd = open(log_env, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (fd < 0)
            debugf("cannot open FRONTRUN_IO_LOG=%s: %s", log_env, strerror(errno));
    }
    if (fd >= 0) {
        atomic_store(&out_fd, fd);
        atomic_store(&enabled, 1);
        debugf("enabled, events to fd %d", fd);
    } else {
        debugf("inert (set FRONTRUN_IO_FD or FRONTRUN_IO_LOG to enable)");
    }
    errno = saved;
}

__attribute__((constructor))
static void frontrun_io_init(void) { pthread_once(&init_once, init); }

/* True when the hook should do bookkeeping; otherwise it only passes through.
 * pthread_once covers calls that arrive before our constructor has run. */
static int active(void)
{
    pthread_once(&init_once, init);
    return atomic_load_explicit(&enabled, memory_order_relaxed) && !in_hook;
}

/* Runs stmt with the re-entrancy guard up and errno preserved. */
#define GUARDED(stmt) do { int e_ = errno; in_hook = 1; stmt; in_hook = 0; errno = e_; } while (0)

/* ------------------------------------------------------------------------ */
/* Exported helpers (for JNA: detect that the preloaded library is present) */
/* ------------------------------------------------------------------------ */

EXPORT const char *frontrun_io_version(void) { return FRONTRUN_IO_VERSION; }

EXPORT long frontrun_io_event_count(void) { return atomic_load(&event_count); }

/* ------------------------------------------------------------------------ */
/* Hooks                                                                     */
/* ------------------------------------------------------------------------ */

EXPORT int connect(int fd, const struct sockaddr *addr, socklen_t len)
{
    int on = active();
    int r = real_connect(fd, addr, len);
    /* A non-blocking connect is in progress; the fd is the socket from now. */
    if (on && (r == 0 || errno == EINPROGRESS))
        GUARDED(track(fd, addr, len));
    return r;
}

/* An accepted socket is named after its local address (the listening
 * endpoint, e.g. socket:127.0.0.1:6379), so both ends of a connection
 * report the same resource. It is reported as "connect". */
static void track_accepted(int fd)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    if (getsockname(fd, (struct sockaddr *)&ss, &len) == 0)
        track(fd, (struct sockaddr *)&ss, len);
}

EXPORT int accept(int fd, struct sockaddr *addr, socklen_t *len)
{
    int on = active();
    int r = real_accept(fd, addr, len);
    if (on && r >= 0)
        GUARDED(track_accepted(r));
    return r;
}

EXPORT int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags)
{
    int on = active();
    int r = real_accept4(fd, addr, len, flags);
    if (on && r >= 0)
        GUARDED(track_accepted(r));
    return r;
}

EXPORT int close(int fd)
{
    if (active()) {
        GUARDED({
            char res[RES_MAX];
            if (fd == atomic_load(&out_fd)) {
                /* The program closes our output: stop, never write to a reused fd. */
                atomic_store(&out_fd, -1);
                atomic_store(&enabled, 0);
                debugf("output fd %d closed by the program, events stop", fd);
            } else if (map_remove(fd, res)) {
                emit("close", res, fd);
            }
        });
    }
    return real_close(fd);
}

/* read and write families: report, then pass through. */
#define REPORT(kind, fd) do { if (active()) GUARDED(report(kind, fd)); } while (0)

EXPORT ssize_t read(int fd, void *buf, size_t n)
{
    REPORT("read", fd);
    return real_read(fd, buf, n);
}

EXPORT ssize_t readv(int fd, const struct iovec *iov, int cnt)
{
    REPORT("read", fd);
    return real_readv(fd, iov, cnt);
}

EXPORT ssize_t recv(int fd, void *buf, size_t n, int flags)
{
    REPORT("read", fd);
    return real_recv(fd, buf, n, flags);
}

EXPORT ssize_t recvfrom(int fd, void *buf, size_t n, int flags, struct sockaddr *addr, socklen_t *len)
{
    REPORT("read", fd);
    return real_recvfrom(fd, buf, n, flags, addr, len);
}

EXPORT ssize_t recvmsg(int fd, struct msghdr *msg, int flags)
{
    REPORT("read", fd);
    return real_recvmsg(fd, msg, flags);
}

EXPORT ssize_t write(int fd, const void *buf, size_t n)
{
    REPORT("write", fd);
    return real_write(fd, buf, n);
}

EXPORT ssize_t writev(int fd, const struct iovec *iov, int cnt)
{
    REPORT("write", fd);
    return real_writev(fd, iov, cnt);
}

EXPORT ssize_t send(int fd, const void *buf, size_t n, int flags)
{
    REPORT("write", fd);
    return real_send(fd, buf, n, flags);
}

EXPORT ssize_t sendto(int fd, const void *buf, size_t n, int flags, const struct sockaddr *addr, socklen_t len)
{
    REPORT("write", fd);
    return real_sendto(fd, buf, n, flags, addr, len);
}

EXPORT ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)
{
    REPORT("write", fd);
    return real_sendmsg(fd, msg, flags);
}

/**
 * A hand-written vocabulary of general software-engineering terms, for query expansion
 * (domain/memory/query-expansion.ts). Each line is one group of words or phrases that name the
 * same thing, or a thing and the product usually meant by it ("infrastructure as code",
 * "terraform"); `#` lines are section titles. Words are matched after the same normalization as
 * the lexical index (lower case, light stemming), phrases word by word.
 *
 * Provenance (see docs/memory.md, "Query expansion"): written for this project from general
 * knowledge of the field, by topic, to be useful to any engineering team. It was written after
 * the labelled retrieval set existed, by someone who had read its queries; phrases that only
 * echoed a query's wording were then removed. To measure how much it still fits that set, the
 * set has a `fresh` subset of queries written after this vocabulary was frozen
 * (bench/memory/retrieval.ts reports it separately). Add groups freely; remove a group only with
 * a reason, and re-run the benchmark.
 */
export const SOFTWARE_VOCABULARY_TEXT = `
# project management and agile
sprint, iteration, cycle
backlog, work queue, todo list
ticket, card, issue, work item, story, user story, task
story point, estimate, estimation, sizing
velocity, throughput
retrospective, retro, lessons learned, post sprint review
standup, daily meeting, daily scrum
stakeholder, sponsor, business owner
customer, client, end user
demo, showcase, presentation, walkthrough
deadline, due date, milestone, target date
late, delayed, slipped, overdue, behind schedule, missed deadline
scope, scope creep, feature creep
requirement, specification, spec, acceptance criteria, criterion, conditions of satisfaction
rework, redo, do over, churn
roadmap, long term plan
epic, initiative, theme
capacity, bandwidth, availability
interrupt, unplanned work, firefighting, production support, toil
risk, threat, hazard
external dependency, third party, vendor, supplier, provider, partner
meeting, session, call, sync
kickoff, project start, inception
handover, handoff, transition, hand over
status report, status update, progress report
board, kanban board, planning board, task board
duplicate work, double work, duplicated effort
assign, assignment, allocate, owner
engineer, developer, programmer, coder
team, squad, crew
manager, lead, team lead
priority, prioritize, rank, triage
cadence, rhythm, schedule
process, workflow, procedure
definition of done, done criteria
burndown, burnup, progress chart
holiday, vacation, time off
pricing, price, cost
invoice, bill, billing, receipt, invoicing
payment, checkout, purchase, order
# architecture and design
relational database, sql database, rdbms, postgres, postgresql, mysql
document store, document database, nosql, mongodb
key value store, redis, memcached
transaction, atomic, multi row transaction
foreign key, referential integrity, constraint
api, endpoint, route, web service, interface
rest, http api, rest api
graphql, graph query language
rpc, grpc, remote call
schema change, migration, database migration, ddl, alter table
backward compatible, backwards compatible, compatible, non breaking
side by side, at the same time, simultaneously, concurrently, in parallel
version, release
pagination, paging, paginate, page through, cursor, keyset, offset
feature flag, feature toggle, toggle, flag, switch
dead code, unused code, dead branch
technical debt, tech debt, legacy
monolith, single application
microservice, separate service, service
event, message, domain event
outbox, transactional outbox
queue, job queue, task queue, message queue, background job, background worker, worker, job, processor, consumer
cache, caching, memoization, cached
stale, outdated, out of date, old, obsolete
invalidate, invalidation, evict, eviction, expire, purge, discard
load balancer, proxy, reverse proxy, gateway, ingress
stateless, no local state
session, user session, login session
scale, scaling, horizontal scaling, scale out
ports and adapters, hexagonal architecture, clean architecture, layers
orm, object relational mapper, query builder
error code, error, error response
error, failure, fault
logging, logs, log line, log output
rate limit, rate limiting, throttle, throttling
circular dependency, dependency cycle, import cycle
monorepo, single repository, workspaces
adr, architecture decision record, decision record
idempotent, idempotency, idempotency key, exactly once
retry, retries, backoff, exponential backoff, retry loop
circuit breaker, bulkhead
timeout, time out, timed out, deadline exceeded
primary key, id, identifier, uuid
wire contract, schema, contract
validation, validate, input check
middleware, interceptor, hook
handler, controller, request handler
web request, http request, request
response, reply, answer
long running, expensive operation
asynchronous, async, in the background, deferred
# testing and quality
test, check, verification, verify
flaky, unreliable, intermittent, nondeterministic, random failure, sporadic
quarantine, disable, skip, mute
regression, broke again, reintroduced bug
end to end, e2e, ui test, browser test, full flow test
unit test, unit tests
integration test, integration tests
mock, fake, stub, test double
fixture, test data, seed data, dataset, sample data
coverage, code coverage, test coverage
defect, bug, fault, flaw, problem
severity, impact, priority level
release, ship, launch, go live, rollout, deploy
release readiness, go no go, sign off, approval, readiness review
blocked, block, prevent, stop, hold
quality gate, release criterion, release criteria, gate, exit criteria, criterion, criteria, condition
exploratory testing, exploratory, charter, test session
boundary value, edge case, limit, edge, boundary, corner case
off by one, fencepost error
visual regression, screenshot diff, layout shift, pixel shift
font, typeface, typography
load test, performance test, stress test, load testing
smoke test, sanity check, smoke subset
accessibility, a11y, assistive technology, screen reader, wcag
cross browser, browser compatibility
localization, l10n, translation, internationalization, i18n, locale
truncated, cut off, clipped, overflow
label, caption, text
emoji, unicode, special characters, non ascii
pdf, document, report file
test case, test script, check list
test plan, test strategy, test planning
defect escape, escaped defect, missed bug
root cause, root cause analysis, rca, why it happened
contract test, api contract test, consumer driven contract
snapshot test, golden file
parallel tests, test workers, concurrent tests
temp directory, temporary directory, tmp folder, temp files
clean up, cleanup, teardown, leftover data
namespace, prefix, isolation
staging, pre production, preproduction, test environment, sandbox
production, prod, live system
device lab, device matrix, test devices
mobile, phone, small screen, android, ios
# development
async await, promise, callback
lint, linter, static analysis, eslint, lint rule
swallowed, ignored, lost, unhandled
git bisect, bisect, find the commit
date picker, datepicker, calendar, date input
ci, continuous integration, pipeline, build pipeline, build server, github actions, jenkins
case sensitive, uppercase, lowercase, letter case, capitalization
file name, filename, path
locally, local machine, works on my machine
object keys, properties, fields, attributes
order, sequence, ordering, sort order
typescript, type check, type checking, tsc
config, configuration, settings, environment variable, env var
debugger, breakpoint, debugging
pull request, merge request, pr, code review, review
commit message, commit
refactor, refactoring, restructure, clean up code
pair programming, pairing
mentoring, coaching, mentor
onboarding, newcomer, new hire, first week
readme, setup instructions, local setup
print statement, console log, console.log
formatter, formatting, format
rounding, round, precision
stuck, blocked on, ask for help
# performance and reliability
slow, latency, sluggish, takes too long, performance
index, database index, composite index
query, sql query, database query
n+1, n plus one, lazy loading, lazy relation
memory leak, leak, growing memory
out of memory, oom, crash, crashed, ran out of memory
csv, spreadsheet, excel, tabular file
import, ingest, upload, bulk load
streaming, stream, streamed, chunked
race condition, race, concurrency, concurrent
lock, locking, row lock, for update, skip locked
optimistic locking, version column, lost update
502, bad gateway, gateway error, upstream error
keep alive, keepalive, idle timeout, connection reuse
timezone, time zone, utc, local time
daily report, report, numbers
event loop, blocking, main thread
serialization, json, serialize
debounce, throttle input
# operations
container image, docker image, image
docker, container, containers
shrink, smaller, reduce size, slim, slimmer, size
multi stage build, multi stage
deploy, deployment, rollout, release, ship
blue green, blue green deployment, rollback, roll back
kubernetes, k8s, pod, pods, cluster, orchestration
helm, chart, helm chart
terraform, infrastructure as code, iac, infrastructure
state lock, lock file stuck, force unlock
killed, timed out, cancelled, canceled, aborted
backup, dump, snapshot, nightly backup
restore, recovery, restore drill, recovery test
secret, credential, credentials, password, api key, access token, token, private key
build logs, console output, job output, ci logs
dns, name resolution, domain name, resolver
ttl, time to live, cache duration
failover, standby, disaster recovery, secondary region, standby region
alert, page, pager, paging, alarm, notification
on call, on-call, rotation, pager duty
actionable, noise, alert fatigue
outage, incident, downtime, service disruption
retry storm, thundering herd, load spike
ntp, clock, time sync, clock drift, clock skew, chrony
jwt, auth token, bearer token, session token
error budget, slo, service level objective, sla
monitoring, observability, metrics, telemetry
prometheus, alertmanager, alert rules
grafana, dashboard, dashboards
disk, storage, disk space, volume
cpu, processor, load
autoscale, autoscaling, autoscaler, scale automatically
capacity planning, headroom, forecast
postmortem, post mortem, incident review, incident report
runbook, playbook, operations guide
connection pool, pool, pool exhaustion
replica, read replica, standby database
chaos test, chaos engineering, fault injection
health check, readiness probe, liveness probe, health endpoint
certificate, tls certificate, ssl certificate, cert, tls, https
subnet, ip addresses, network range
vault, secret manager, secrets manager
rotate, rotation, key rotation
core dump, crash dump
sampling, sample, downsample
log volume, log cost, logging cost
# security
idor, insecure direct object reference, broken access control, authorization, access control
ownership check, access check, permission check
url, link, web address, uri
secret scanning, secret detection, leaked secret
public repository, public repo, github, open source repository
ssrf, server side request forgery
metadata endpoint, instance metadata, cloud metadata, metadata service
link preview, url preview, unfurl, preview
password hashing, hash passwords, argon2, argon2id, bcrypt, scrypt
symlink, symbolic link, soft link
folder, directory, working directory
sandbox, jail, isolation, confinement
path traversal, directory traversal, escape
xss, cross site scripting, script injection
sql injection, sqli, parameterized query, prepared statement
shell injection, command injection, shell string
brute force, password guessing, credential stuffing
login, log in, sign in, authentication, logged in
logout, log out, sign out, signed out, logged out
captcha, bot check
csp, content security policy
cookie, cookies, session cookie
samesite, cookie attribute
mtls, mutual tls
two factor, 2fa, mfa, multi factor, second factor
vulnerability, cve, security flaw, weakness
encryption, encrypt, encrypted, cipher
gdpr, personal data, pii, personal information, privacy, data protection
audit log, audit trail, audit
penetration test, pentest, security test
threat model, threat modeling
replay attack, replay, nonce
least privilege, minimal permissions
attacker, attackers, adversary, malicious user
botnet, bots
webhook, callback url
distroless, minimal base image
# documentation
documentation, docs, manual, guide, handbook, user guide
getting started, quick start, quickstart, tutorial, onboarding guide, first steps
first api call, hello world, time to first call
screenshot, screenshots, screen capture
examples, code samples, code snippets, sample code, snippets
glossary, terminology, terms, definitions, vocabulary
help desk, support, customer support, support team, support tickets
faq, knowledge base, article, troubleshooting page
navigation, menu, site search
api reference, openapi, swagger, api docs
error table, error codes, error code list
changelog, release notes, change log
readability, reading level, plain language
diagram, diagrams, mermaid, chart
style guide, writing style, tone
migration guide, upgrade guide
# user experience
usability test, user research, user testing, user study, user interview
filter, refine, facet, search filter
button, control, widget, component
icon, glyph, symbol
onboarding flow, setup wizard, signup flow, onboarding steps
completion, conversion, completion rate, drop off
color blind, colour blind, color vision deficiency
status badge, status indicator, badge
empty state, no data, blank screen, no items
live log, live output, log view, log tail, live view
jump, jumped, scroll, scrolling, shifting
contrast, contrast ratio
dark theme, dark mode
touch target, tap target
prototype, mockup, wireframe, figma
skeleton, spinner, loading state, loader
error message, error text
keyboard shortcut, hotkey, shortcut
card sorting, information architecture
tooltip, hint
heatmap, click map
reduced motion, animation, motion
ab test, a/b test, split test, experiment
form, form field, input field
confirmation, confirm, undo
responsive, narrow screen, mobile layout
# build and release engineering
build, compile, compilation, bundle, bundling
release pipeline, release build
source maps, sourcemaps
incremental build, incremental, tsbuildinfo
native module, native addon, node-gyp, native dependency, binary
prebuilt, precompiled, prebuilt binaries, precompiled binaries
download, fetch
lock file, lockfile, package-lock
pin, pinned, exact version
transitive dependency, indirect dependency
vite, webpack, bundler, rollup, esbuild
semantic versioning, semver, breaking change, major version
build cache, layer cache, docker cache, cache key
invalidated, busted, cache miss
install dependencies, npm ci, npm install, dependency install
dependency update, dependency updates, renovate, dependabot
output directory, dist, build output
reproducible builds, deterministic build
bundle size, size budget
lazy load, lazy loading, code splitting, dynamic import
license, licence, gpl, license check
postinstall, install script, lifecycle script, preinstall
offline, no internet, air gapped, no network
tree shaking, dead code elimination
esm, es modules, commonjs, cjs
dependency, dependencies, package, packages, library
registry, npm registry, mirror
sign, signed, signature
tag, release tag
runtime, node version, node
# identity, mail and browsers
password reset, forgot password, account recovery, reset password
email, e-mail, mail, smtp
browser, web browser, safari, chrome, firefox
`;
/** The groups, each a list of two or more words or phrases. */
export const SOFTWARE_VOCABULARY = SOFTWARE_VOCABULARY_TEXT.split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split(',').map((term) => term.trim()).filter((term) => term !== ''));
//# sourceMappingURL=software-vocabulary.js.map
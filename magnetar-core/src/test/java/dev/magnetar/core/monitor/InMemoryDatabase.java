package dev.magnetar.core.monitor;

import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterEvent;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.ClusterEventRepository;
import dev.magnetar.core.port.ClusterRepository;
import dev.magnetar.core.port.ClusterTemplateRepository;
import dev.magnetar.core.port.ConductorRepository;
import dev.magnetar.core.port.Database;
import dev.magnetar.core.port.CaPinRepository;
import dev.magnetar.core.port.MonitorAccountRepository;
import dev.magnetar.core.port.OperationRepository;
import dev.magnetar.core.port.PageRequest;
import dev.magnetar.core.port.QuotaRepository;
import dev.magnetar.core.port.Repositories;
import dev.magnetar.core.port.Scope;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The ports the monitor uses, in memory: templates, clusters (with the optimistic version check),
 * events and monitoring accounts. Transactions are serialised and counted, and one that throws leaves
 * them as they were. Failures and concurrent writers can be staged per cluster. Ports the monitor does not use refuse to be called.
 */
final class InMemoryDatabase implements Database {

    final Map<String, ClusterTemplate> templates = new LinkedHashMap<>();
    final Map<String, Cluster> clusters = new LinkedHashMap<>();
    final List<ClusterEvent> events = new ArrayList<>();
    final Map<String, MonitorAccountRepository.SealedAccount> accounts = new LinkedHashMap<>();
    final Map<String, MonitorAccountRepository.SpareKey> spares = new LinkedHashMap<>();
    final Map<String, CaPinRepository.CaPin> caPins = new LinkedHashMap<>();
    final AtomicInteger updates = new AtomicInteger();
    final AtomicInteger transactions = new AtomicInteger();
    /** Clusters whose update fails as a database would fail it. */
    final Set<String> failingUpdates = ConcurrentHashMap.newKeySet();
    /**
     * Clusters changed by another writer right after each of their next N reads (the value), so the
     * update that follows such a read loses the version check.
     */
    final Map<String, Integer> contended = new ConcurrentHashMap<>();
    /** Runs as each transaction starts, before it takes the database; a test may hold one back here. */
    volatile Runnable atTransactionStart = () -> { };

    @Override
    public <T> T transaction(Function<Repositories, T> work) {
        transactions.incrementAndGet();
        atTransactionStart.run();
        synchronized (this) {
            Map<String, Cluster> clustersBefore = new LinkedHashMap<>(clusters);
            List<ClusterEvent> eventsBefore = new ArrayList<>(events);
            Map<String, MonitorAccountRepository.SealedAccount> accountsBefore = new LinkedHashMap<>(accounts);
            Map<String, MonitorAccountRepository.SpareKey> sparesBefore = new LinkedHashMap<>(spares);
            Map<String, CaPinRepository.CaPin> caPinsBefore = new LinkedHashMap<>(caPins);
            try {
                return work.apply(new Repos());
            } catch (RuntimeException e) {
                clusters.clear();
                clusters.putAll(clustersBefore);
                events.clear();
                events.addAll(eventsBefore);
                accounts.clear();
                accounts.putAll(accountsBefore);
                spares.clear();
                spares.putAll(sparesBefore);
                caPins.clear();
                caPins.putAll(caPinsBefore);
                throw e;
            }
        }
    }

    synchronized void put(ClusterTemplate template) {
        templates.put(template.uuid(), template);
    }

    synchronized void put(Cluster cluster) {
        clusters.put(cluster.uuid(), cluster);
    }

    synchronized Cluster get(String uuid) {
        return clusters.get(uuid);
    }

    /** Another writer's change: stored with the version bumped, as the store would. */
    synchronized void changeMeanwhile(String uuid, Function<Cluster.Builder, Cluster.Builder> change) {
        Cluster current = clusters.get(uuid);
        clusters.put(uuid, change.apply(current.toBuilder()).version(current.version() + 1).build());
    }

    synchronized List<ClusterEvent> events() {
        return List.copyOf(events);
    }

    private final class Repos implements Repositories {

        @Override
        public ClusterTemplateRepository templates() {
            return new ClusterTemplateRepository() {
                @Override
                public void insert(ClusterTemplate template) {
                    templates.put(template.uuid(), template);
                }

                @Override
                public Optional<ClusterTemplate> findByUuid(String uuid) {
                    return Optional.ofNullable(templates.get(uuid));
                }

                @Override
                public Optional<ClusterTemplate> lockByUuid(String uuid) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public List<ClusterTemplate> findByName(String name, Scope scope) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public List<ClusterTemplate> list(Scope scope, PageRequest page) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public boolean update(ClusterTemplate template) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public boolean delete(String uuid) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public long generation() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public boolean isReferenced(String uuid) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public ClusterRepository clusters() {
            return new ClusterRepository() {
                @Override
                public void insert(Cluster cluster) {
                    clusters.put(cluster.uuid(), cluster);
                }

                @Override
                public Optional<Cluster> findByUuid(String uuid) {
                    Optional<Cluster> found = Optional.ofNullable(clusters.get(uuid));
                    if (found.isPresent() && contended.containsKey(uuid)) {
                        contended.computeIfPresent(uuid, (key, reads) -> reads > 1 ? reads - 1 : null);
                        changeMeanwhile(uuid, b -> b);
                    }
                    return found;
                }

                @Override
                public List<Cluster> findByName(String name, Scope scope) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public List<Cluster> list(Scope scope, PageRequest page) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public boolean update(Cluster cluster) {
                    if (failingUpdates.contains(cluster.uuid())) {
                        throw new IllegalStateException("the database refused the row of " + cluster.uuid());
                    }
                    Cluster stored = clusters.get(cluster.uuid());
                    if (stored == null || stored.version() != cluster.version()) {
                        return false;
                    }
                    clusters.put(cluster.uuid(), cluster.toBuilder().version(cluster.version() + 1).build());
                    updates.incrementAndGet();
                    return true;
                }

                @Override
                public boolean updateHealth(Cluster cluster) {
                    Cluster stored = clusters.get(cluster.uuid());
                    return stored != null && update(stored.toBuilder().healthStatus(cluster.observed().healthStatus())
                            .healthStatusReason(cluster.observed().healthStatusReason()).coeVersion(cluster.observed().coeVersion())
                            .version(cluster.version()).build());
                }

                @Override
                public boolean delete(String uuid) {
                    accounts.remove(uuid);
                    return clusters.remove(uuid) != null;
                }

                @Override
                public List<Cluster> findByStatus(Collection<ClusterStatus> statuses) {
                    return clusters.values().stream().filter(c -> statuses.contains(c.status())).toList();
                }

                @Override
                public int countInProject(String projectId) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public ClusterStats stats(String projectId) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public OperationRepository operations() {
            throw new UnsupportedOperationException("the monitor queues no operations");
        }

        @Override
        public ConductorRepository conductors() {
            throw new UnsupportedOperationException("replicas come from ReplicaShare");
        }

        @Override
        public QuotaRepository quotas() {
            throw new UnsupportedOperationException("the monitor checks no quota");
        }

        @Override
        public ClusterEventRepository events() {
            return new ClusterEventRepository() {
                @Override
                public void record(ClusterEvent event) {
                    events.add(event);
                }

                @Override
                public List<ClusterEvent> listFor(String clusterUuid, int limit) {
                    return events.stream().filter(e -> e.clusterUuid().equals(clusterUuid)).limit(limit).toList();
                }
            };
        }

        @Override
        public MonitorAccountRepository monitorAccounts() {
            return new MonitorAccountRepository() {
                @Override
                public void insert(SealedAccount account) {
                    if (accounts.putIfAbsent(account.clusterUuid(), account) != null) {
                        throw MagnetarException.conflict("cluster " + account.clusterUuid() + " has an account");
                    }
                }

                @Override
                public Optional<SealedAccount> find(String clusterUuid) {
                    return Optional.ofNullable(accounts.get(clusterUuid));
                }

                @Override
                public boolean keepSession(String clusterUuid, MonitorAccountRepository.SealedSession session) {
                    return accounts.computeIfPresent(clusterUuid, (uuid, a) -> withSession(a, session)) != null;
                }

                @Override
                public void forgetSession(String clusterUuid) {
                    accounts.computeIfPresent(clusterUuid, (uuid, a) -> withSession(a, null));
                }

                @Override
                public void insertSpare(MonitorAccountRepository.SpareKey key) {
                    spares.put(key.id(), key);
                }

                @Override
                public int countSpares() {
                    return spares.size();
                }

                @Override
                public Optional<MonitorAccountRepository.SpareKey> takeSpare() {
                    Optional<String> first = spares.keySet().stream().findFirst();
                    return first.map(spares::remove);
                }

                private static SealedAccount withSession(SealedAccount a, MonitorAccountRepository.SealedSession s) {
                    return new SealedAccount(a.clusterUuid(), a.uid(), a.publicKeyPem(), a.sealedPrivateKey(),
                            a.createdAt(), s);
                }
            };
        }

        @Override
        public CaPinRepository caPins() {
            return new CaPinRepository() {
                @Override
                public Optional<CaPin> find(String clusterUuid) {
                    return Optional.ofNullable(caPins.get(clusterUuid));
                }

                @Override
                public boolean pinIfAbsent(CaPin pin) {
                    return clusters.containsKey(pin.clusterUuid()) && caPins.putIfAbsent(pin.clusterUuid(), pin) == null;
                }

                @Override
                public void unpin(String clusterUuid) {
                    caPins.remove(clusterUuid);
                }
            };
        }
    }
}

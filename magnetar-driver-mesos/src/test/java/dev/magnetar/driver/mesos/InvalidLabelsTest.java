package dev.magnetar.driver.mesos;

import dev.magnetar.core.error.ErrorKind;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.model.ClusterTemplateBuilder;
import dev.magnetar.mesos.agent.MesosDuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each row is a request the driver must refuse with a 400 whose whole message is given (a message
 * ending in {@code ...} is matched as a prefix; {@code <DURATION>} stands for the duration syntax).
 * Labels are written {@code k=v} separated by {@code |}; template and cluster fields as {@code @field=v}.
 */
class InvalidLabelsTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " ; ", quoteCharacter = '"', textBlock = """
            # request ; the whole 400 message (columns are separated by a spaced semicolon)
            mesos_slave_isolation=cgroups/nope                        ; label 'mesos_slave_isolation' value 'cgroups/nope': unknown or unsupported isolator; Mesos 1.11 accepts filesystem/posix, ...
            mesos_slave_isolation=posix/cpu,posix/cpu                 ; label 'mesos_slave_isolation' value 'posix/cpu,posix/cpu': 'posix/cpu' isolator listed twice; duplicates are an error
            mesos_slave_isolation=process,posix/mem                   ; label 'mesos_slave_isolation' value 'process,posix/mem': 'posix/mem' isolator listed twice; duplicates are an error
            mesos_slave_isolation=posix/cpu,                          ; label 'mesos_slave_isolation' value 'posix/cpu,': empty isolator name in the comma-separated list
            mesos_slave_isolation=filesystem/posix,filesystem/linux   ; label 'mesos_slave_isolation' value 'filesystem/posix,filesystem/linux': exactly one filesystem/* isolator is allowed (Mesos adds filesystem/posix when none is given) (judged on the agent's effective flags: this driver's defaults with the labels applied)
            mesos_slave_isolation=network/cni,network/port_mapping    ; label 'mesos_slave_isolation' value 'network/cni,network/port_mapping': at most one network isolator is allowed on Linux (network/ports does not count) (judged on the agent's effective flags: this driver's defaults with the labels applied)
            mesos_slave_isolation=windows/cpu                         ; label 'mesos_slave_isolation' value 'windows/cpu': is a Windows-only isolator; these agents run Linux (judged on the agent's effective flags: this driver's defaults with the labels applied)
            mesos_slave_isolation=namespaces/pid                      ; label 'mesos_slave_isolation' value 'namespaces/pid': needs the filesystem/linux isolator in the isolation list (judged on the agent's effective flags: this driver's defaults with the labels applied)
            mesos_slave_isolation=gpu/nvidia,filesystem/linux         ; label 'mesos_slave_isolation' value 'gpu/nvidia': needs the cgroups/devices or cgroups/all isolator in the isolation list (judged on the agent's effective flags: this driver's defaults with the labels applied)
            mesos_slave_isolation=cgroups/cpu|launcher=posix          ; label 'mesos_slave_launcher' value 'posix': the isolators cgroups/cpu need the linux launcher (cgroups, namespaces and filesystem/linux cannot run under posix) (judged on the agent's effective flags: this driver's defaults with the labels applied)
            mesos_slave_image_providers=docker                        ; label 'mesos_slave_image_providers' value 'docker': container images need the filesystem/linux isolator (judged on the agent's effective flags: this driver's defaults with the labels applied); label 'mesos_slave_image_providers' value 'docker': the docker image provider needs the docker/runtime isolator; without it the agent exits at startup (judged on the agent's effective flags: this driver's defaults with the labels applied)
            mesos_slave_image_providers=oci                           ; label 'mesos_slave_image_providers' value 'oci': unknown image provider; allowed (case-insensitive): appc, docker
            mesos_slave_image_providers=docker,DOCKER                 ; label 'mesos_slave_image_providers' value 'docker,DOCKER': 'DOCKER' image provider listed twice
            mesos_slave_isolation=filesystem/linux|mesos_slave_image_providers=appc|launcher=posix ; label 'mesos_slave_launcher' value 'posix': the isolators filesystem/linux need the linux launcher (cgroups, namespaces and filesystem/linux cannot run under posix) (judged on the agent's effective flags: this driver's defaults with the labels applied); label 'mesos_slave_image_providers' value 'appc': container images need the linux launcher, but --launcher is posix (judged on the agent's effective flags: this driver's defaults with the labels applied)
            mesos_slave_work_dir=/tmp/mesos                           ; label 'mesos_slave_work_dir' value '/tmp/mesos': must not be under /tmp, which is cleared on reboot and loses the agent's state
            mesos_slave_work_dir=var/lib/mesos                        ; label 'mesos_slave_work_dir' value 'var/lib/mesos': must be an absolute path, e.g. /var/lib/mesos/slave
            mesos_slave_work_dir=/var/lib/../tmp/mesos                ; label 'mesos_slave_work_dir' value '/var/lib/../tmp/mesos': must be a normalised path (no '.', '..' or '//' segments)
            mesos_slave_work_dir=/var/lib/mesos:/x                    ; label 'mesos_slave_work_dir' value '/var/lib/mesos:/x': must not contain control characters, ':' or ','
            mesos_slave_executor_env_variables={"A":1}                ; label 'mesos_slave_executor_env_variables' value '{"A":1}': 'A' every value must be a JSON string; 'A' is number
            mesos_slave_executor_env_variables=[1]                    ; label 'mesos_slave_executor_env_variables' value '[1]': must be a JSON object of string values, e.g. {"JAVA_HOME":"/opt/java"}
            "mesos_slave_executor_env_variables={""A"":""1"",""A"":""2""}" ; label 'mesos_slave_executor_env_variables' value '{"A":"1","A":"2"}': must be a JSON object of string values, e.g. {"JAVA_HOME":"/opt/java"} (not JSON: Duplicate field 'A')
            "mesos_slave_executor_env_variables={""1X"":""a""}"       ; label 'mesos_slave_executor_env_variables' value '{"1X":"a"}': '1X' variable names must match [A-Za-z_][A-Za-z0-9_]*
            mesos_slave_launcher=LINUX                                ; label 'mesos_slave_launcher' value 'LINUX': must be one of linux, posix
            launcher=linux|mesos_slave_launcher=linux                 ; label 'mesos_slave_launcher' repeats 'launcher' (the same setting under two names); give only one
            containerizers=mesos,rkt                                  ; label 'containerizers' value 'mesos,rkt': 'rkt' unknown or unsupported containerizer; allowed: mesos, docker (comma list in priority order)
            containerizers=docker,docker                              ; label 'containerizers' value 'docker,docker': 'docker' containerizer listed twice; duplicates are an error
            containerizers=docker|mesos_slave_isolation=posix/cpu     ; label 'mesos_slave_isolation' value 'posix/cpu': only the mesos containerizer uses it, but mesos_slave_containerizers is docker
            executor_registration_timeout=5m                          ; label 'executor_registration_timeout' value '5m': must be <DURATION>
            mesos_slave_executor_registration_timeout=2hrs            ; label 'mesos_slave_executor_registration_timeout' value '2hrs': must be from 10secs to 60mins
            mesos_slave_attributes=zone                               ; label 'mesos_slave_attributes' value 'zone': 'zone' is not a key:value pair (pairs are separated by ';')
            mesos_slave_attributes=zone:a;zone:b                      ; label 'mesos_slave_attributes' value 'zone:a;zone:b': key 'zone' is given twice
            mesos_slave_attributes=gpus:{0,1}                         ; label 'mesos_slave_attributes' value 'gpus:{0,1}': value '{0,1}' of gpus is a set, which Mesos attributes do not support (the agent would not start)
            mesos_master_zk_session_timeout=10                        ; label 'mesos_master_zk_session_timeout' value '10': must be <DURATION>
            rexray_preempt=true                                       ; label 'rexray_preempt' value 'true': only used with volume_driver rexray, but the template's volume_driver is unset
            @volume_driver=rexray|rexray_preempt=yes                  ; label 'rexray_preempt' value 'yes': must be one of true, false
            @volume_driver=rexray|containerizers=mesos                ; label 'mesos_slave_containerizers' value 'mesos': volume_driver rexray serves Docker volumes: add docker to the containerizers or docker/volume to mesos_slave_isolation
            marathon_framework_name=-marathon                         ; label 'marathon_framework_name' value '-marathon': must be 1 to 64 of letters, digits, '_', '.', '-', starting with a letter or digit
            marathon_mesos_role=/eng                                  ; label 'marathon_mesos_role' value '/eng': must be a Mesos role: segments of letters, digits, '_', '.', '-' not starting with '.' or '-', joined by single '/'
            marathon_mesos_role=eng/../web                            ; label 'marathon_mesos_role' value 'eng/../web': must be a Mesos role: segments of letters, digits, '_', '.', '-' not starting with '.' or '-', joined by single '/'
            marathon_task_launch_timeout=5mins                        ; label 'marathon_task_launch_timeout' value '5mins': must be an integer from 10000 to 3600000
            mesos_repo_url=ftp://mirror.example/mesos                 ; label 'mesos_repo_url' value 'ftp://mirror.example/mesos': must be an http:// or https:// URL with a host, no query, fragment, quotes or spaces
            mesos_repo_url=http://x/$(id)                             ; label 'mesos_repo_url' value 'http://x/$(id)': must be an http:// or https:// URL with a host, no query, fragment, quotes or spaces
            mesos_repo_url=http://mirror.example/ focal main          ; label 'mesos_repo_url' value 'http://mirror.example/ focal main': must be an http:// or https:// URL with a host, no query, fragment, quotes or spaces
            mesos_repo_suite=Focal Fossa                              ; label 'mesos_repo_suite' value 'Focal Fossa': must be an APT suite name (1 to 32 of a-z, 0-9, '.', '-')
            @no_settings=true|mesos_repo_suite=jammy                  ; label 'mesos_repo_suite' value 'jammy': describes a package repository, but neither mesos_repo_url nor the service's mesos_repo_url names one
            fixed_subnet_cidr=10.0.0.5/24                             ; label 'fixed_subnet_cidr' value '10.0.0.5/24': must be an IPv4 network in CIDR notation, e.g. 10.0.0.0/24
            master_api_allowed_cidr=0.0.0.0                           ; label 'master_api_allowed_cidr' value '0.0.0.0': must be an IPv4 network in CIDR notation, e.g. 10.0.0.0/24
            isolation=docker/volume                                   ; label 'isolation' is not accepted: the dcos_centos_v1 spelling, which adds to DC/OS's isolators; this driver replaces the list: use mesos_slave_isolation
            mesos_slave_executor_env_file=/home/me/env.json           ; label 'mesos_slave_executor_env_file' is not accepted: a python-magnumclient pseudo-label: the client reads the file and sends its contents as mesos_slave_executor_env_variables
            mesos_master_quorum=1                                     ; label 'mesos_master_quorum' is not accepted: Magnetar sets it from the stack's addresses and master_count
            mesos_slave_isolaton=posix/cpu                            ; label 'mesos_slave_isolaton' is unknown to driver mesos_ubuntu_v1; accepted labels: containerizers, executor_registration_timeout, fixed_subnet_cidr, launcher, ...
            @http_proxy=proxy.example:3128                            ; http_proxy 'proxy.example:3128' is not allowed: must be an http:// or https:// URL with a host, no query, fragment, quotes or spaces
            @no_proxy=localhost;touch x                               ; no_proxy 'localhost;touch x' is not allowed: must be a comma list of hosts, domains or CIDRs (letters, digits, '.', ',', ':', '/', '*', '_', '-')
            @master_count=2|@master_lb_enabled=true                   ; master_count 2 is not allowed: Mesos masters form a ZooKeeper ensemble and replicated log of 1, 3 or 5, fixed at create
            @master_count=3                                           ; master_count must be 1 when master_lb_enabled is False
            @master_count=5|@cluster_master_lb_enabled=false|@master_lb_enabled=true ; master_count must be 1 when master_lb_enabled is False
            @node_count=-1                                            ; node_count -1 is not allowed: it must be 0 or more
            """)
    void refusesWithAPreciseMessage(String request, String message) {
        ClusterTemplateBuilder template = Fixtures.template(Map.of()).toBuilder();
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> clusterFields = new LinkedHashMap<>();
        boolean noSettings = false;
        for (String pair : request.split("\\|")) {
            int eq = pair.indexOf('=');
            String key = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            switch (key) {
                case "@volume_driver" -> template.volumeDriver(value);
                case "@master_lb_enabled" -> template.masterLbEnabled(Boolean.parseBoolean(value));
                case "@http_proxy" -> template.httpProxy(value);
                case "@no_proxy" -> template.noProxy(value);
                case "@no_settings" -> noSettings = true;
                case "@master_count", "@node_count", "@cluster_master_lb_enabled" -> clusterFields.put(key, value);
                default -> labels.put(key, value);
            }
        }
        ClusterTemplate invalid = template.labels(labels).build();
        Cluster.Builder cluster = Fixtures.cluster(invalid).toBuilder();
        clusterFields.forEach((key, value) -> {
            switch (key) {
                case "@master_count" -> cluster.masterCount(Integer.parseInt(value));
                case "@node_count" -> cluster.nodeCount(Integer.parseInt(value));
                default -> cluster.masterLbEnabled(Boolean.parseBoolean(value));
            }
        });
        MesosDriver driver = noSettings ? new MesosDriver(null) : Fixtures.driver();
        String expected = message.replace("<DURATION>", MesosDuration.SYNTAX);

        assertThatThrownBy(() -> {
            if (clusterFields.isEmpty()) {
                driver.validateTemplate(invalid);
            }
            driver.validateCluster(invalid, cluster.build());
        }).isInstanceOfSatisfying(MagnetarException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.INVALID);
            if (expected.endsWith("...")) {
                assertThat(e.getMessage()).startsWith(expected.substring(0, expected.length() - 3));
            } else {
                assertThat(e.getMessage()).isEqualTo(expected);
            }
        });
    }
}

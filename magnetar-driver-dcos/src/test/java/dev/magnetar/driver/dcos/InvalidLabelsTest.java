package dev.magnetar.driver.dcos;

import dev.magnetar.core.error.ErrorKind;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.model.ClusterTemplateBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each row is a label set the driver must refuse with a 400 naming the label and the rule. Labels
 * are written {@code k=v} separated by {@code |}; a template field override is written {@code @field=v}.
 */
class InvalidLabelsTest {

    private final DcosDriver driver = new DcosDriver(Fixtures.SETTINGS);

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            # labels                                                   ; label named                    ; rule
            isolation=cgroups/nope                                    ; isolation                      ; unknown or unsupported isolator
            isolation=docker/volume,docker/volume                     ; isolation                      ; duplicates are an error
            isolation=filesystem/posix                                ; isolation                      ; exactly one filesystem/* isolator
            isolation=network/port_mapping                            ; isolation                      ; at most one network isolator
            isolation=windows/cpu                                     ; isolation                      ; Windows-only
            isolation=docker/runtime,                                 ; isolation                      ; empty isolator name
            mesos_slave_isolation=posix/gpu                           ; mesos_slave_isolation          ; unknown or unsupported isolator
            isolation=disk/du|mesos_slave_isolation=disk/du           ; mesos_slave_isolation          ; give only one
            launcher=posix                                            ; launcher                       ; need the linux launcher
            launcher=LINUX                                            ; launcher                       ; must be one of linux, posix
            launcher=windows                                          ; launcher                       ; must be one of linux, posix
            image_providers=oci                                       ; image_providers                ; unknown image provider
            image_providers=docker,DOCKER                             ; image_providers                ; listed twice
            launcher=posix|image_providers=appc                       ; image_providers                ; need the linux launcher
            mesos_slave_image_providers=rkt                           ; mesos_slave_image_providers    ; unknown image provider
            executor_environment_variables={"A":1}                    ; executor_environment_variables ; every value must be a JSON string
            executor_environment_variables=[1]                        ; executor_environment_variables ; JSON object
            mesos_slave_executor_env_variables=nope                   ; mesos_slave_executor_env_variables ; JSON object
            exhibitor_storage_backend=s3                              ; exhibitor_storage_backend      ; must be one of static, zookeeper
            exhibitor_storage_backend=zookeeper                       ; exhibitor_zk_hosts             ; required with exhibitor_storage_backend=zookeeper
            exhibitor_storage_backend=zookeeper|exhibitor_zk_hosts=zk://a:2181|exhibitor_zk_path=/d ; exhibitor_zk_hosts ; without a zk:// prefix
            exhibitor_storage_backend=zookeeper|exhibitor_zk_hosts=a:2181|exhibitor_zk_path=dcos ; exhibitor_zk_path ; absolute path
            exhibitor_storage_backend=aws_s3                          ; aws_region                     ; required with exhibitor_storage_backend=aws_s3
            exhibitor_storage_backend=aws_s3|aws_region=us-west-2|s3_bucket=b12|s3_prefix=p/|exhibitor_explicit_keys=false ; s3_prefix ; not ending in /
            exhibitor_storage_backend=aws_s3|aws_region=us-west-2|s3_bucket=b12|s3_prefix=p|exhibitor_explicit_keys=true ; aws_access_key_id ; required with exhibitor_explicit_keys=true
            exhibitor_storage_backend=azure                           ; exhibitor_azure_account_name   ; required with exhibitor_storage_backend=azure
            exhibitor_storage_backend=shared_filesystem               ; exhibitor_fs_config_dir        ; required with exhibitor_storage_backend=shared_filesystem
            exhibitor_zk_hosts=a:2181                                 ; exhibitor_zk_hosts             ; only used with exhibitor_storage_backend=zookeeper
            dcos_overlay_enable=yes                                   ; dcos_overlay_enable            ; must be one of true, false
            dcos_overlay_mtu=500                                      ; dcos_overlay_mtu               ; from 552 to 9000
            dcos_overlay_config_attempts=11                           ; dcos_overlay_config_attempts   ; from 0 to 10
            "dcos_overlay_network={""vtep_subnet"":""44.128.0.0/20"",""vtep_mac_oui"":""70:B3:D5:00:00:00"",""overlays"":[{""name"":""dcos"",""subnet"":""9.0.0.0/8"",""prefix"":24}]}" ; dcos_overlay_network ; vtep_subnet6 must be an IPv6 CIDR
            "dcos_overlay_network={""vtep_subnet"":""44.128.0.0/20"",""vtep_subnet6"":""fd01:a::/64"",""vtep_mac_oui"":""70:B3:D5:00:00:00"",""overlays"":[{""name"":""averyveryverylongname"",""subnet"":""9.0.0.0/8""}]}" ; dcos_overlay_network ; name of 1 to 13 characters
            "dcos_overlay_network={""vtep_subnet"":""44.128.0.0/20"",""vtep_subnet6"":""fd01:a::/64"",""vtep_mac_oui"":""70:B3:D5:00:00:00"",""overlays"":[{""name"":""dcos"",""subnet"":""172.29.4.0/24""}]}" ; dcos_overlay_network ; overlap Calico
            dns_search=a.example,b.example                            ; dns_search                     ; no commas
            check_time=False                                          ; check_time                     ; must be one of true, false
            oauth_enabled=0                                           ; oauth_enabled                  ; must be one of true, false
            telemetry_enabled=off                                     ; telemetry_enabled              ; must be one of true, false
            docker_remove_delay=1                                     ; docker_remove_delay            ; Mesos duration
            gc_delay=2d                                               ; gc_delay                       ; Mesos duration
            docker_stop_timeout=20s                                   ; docker_stop_timeout            ; Mesos duration
            enable_ipv6=no                                            ; enable_ipv6                    ; must be one of true, false
            calico_enabled=1                                          ; calico_enabled                 ; must be one of true, false
            rexray_preempt=true                                       ; rexray_preempt                 ; only used with volume_driver rexray
            dcos_installer_url=ftp://files/dcos_generate_config.sh    ; dcos_installer_url             ; http:// or https:// URL
            dcos_installer_url=http://x/$(id)                         ; dcos_installer_url             ; http:// or https:// URL
            dcos_public_agent_count=-1                                ; dcos_public_agent_count        ; from 0 to 50
            fixed_subnet_cidr=10.0.0.0/33                             ; fixed_subnet_cidr              ; CIDR notation
            "dcos_package_repositories=-bad=https://repo.example/a"   ; dcos_package_repositories      ; repository name '-bad' is not allowed
            "dcos_package_repositories=a b=https://repo.example/a"    ; dcos_package_repositories      ; repository name 'a b' is not allowed
            "dcos_package_repositories=mirror=ftp://repo.example/a"   ; dcos_package_repositories      ; repository 'mirror' URL 'ftp://repo.example/a' must be an http:// or https:// URL
            "dcos_package_repositories=mirror=http://x/$(id)"         ; dcos_package_repositories      ; must be an http:// or https:// URL
            "dcos_package_repositories=mirror=https://repo.example/a,b" ; dcos_package_repositories    ; must not contain ','
            "dcos_package_repositories=mirror"                        ; dcos_package_repositories      ; entry 'mirror' is not name=URL
            "dcos_package_repositories="                              ; dcos_package_repositories      ; must list at least one repository
            "dcos_package_repositories=a=https://r.example/1;a=https://r.example/2" ; dcos_package_repositories ; repository name 'a' is listed twice
            "dcos_package_repositories=a=https://r.example/1;b=https://r.example/1" ; dcos_package_repositories ; repository URL 'https://r.example/1' is listed twice
            "dcos_package_repositories=r0=http://repo.example/0;r1=http://repo.example/1;r2=http://repo.example/2;r3=http://repo.example/3;r4=http://repo.example/4;r5=http://repo.example/5;r6=http://repo.example/6;r7=http://repo.example/7;r8=http://repo.example/8;r9=http://repo.example/9;r10=http://repo.example/10;r11=http://repo.example/11;r12=http://repo.example/12;r13=http://repo.example/13;r14=http://repo.example/14;r15=http://repo.example/15;r16=http://repo.example/16" ; dcos_package_repositories ; lists 17 repositories; at most 16 are allowed
            "dcos_package_repositories=Universe=https://mirror.example/repo|dcos_package_repositories_keep_default=true" ; dcos_package_repositories ; collides with DC/OS's public Universe
            "dcos_package_repositories=a=https://universe.mesosphere.com/repo|dcos_package_repositories_keep_default=true" ; dcos_package_repositories ; collides with DC/OS's public Universe
            dcos_package_repositories_keep_default=true               ; dcos_package_repositories_keep_default ; only used with dcos_package_repositories
            "dcos_package_repositories=a=https://r.example/1|dcos_package_repositories_keep_default=yes" ; dcos_package_repositories_keep_default ; must be one of true, false
            dcos_local_universe_url=ftp://files.example/repo.json     ; dcos_local_universe_url        ; or an absolute path on the image
            dcos_local_universe_url=repo.json                         ; dcos_local_universe_url        ; or an absolute path on the image
            dcos_local_universe_artifacts_url=/opt/dcos/artifacts     ; dcos_local_universe_artifacts_url ; only used with dcos_local_universe_url
            "dcos_local_universe_url=/opt/u/repo.json|dcos_package_repositories=local-universe=https://r.example/1" ; dcos_package_repositories ; is the cluster's local Universe
            mesos_isolation=cgroups/all                               ; mesos_isolation                ; add isolators with the isolation label
            num_masters=3                                             ; num_masters                    ; master_count
            master_discovery=static                                   ; master_discovery               ; chosen by master_lb_enabled
            resolvers=8.8.8.8                                         ; resolvers                      ; dns_nameserver
            log_directory=/genconf/logs                               ; log_directory                  ; no effect
            process_timeout=600                                       ; process_timeout                ; no effect
            security=strict                                           ; security                       ; Enterprise-only
            mesos_slave_work_dir=/tmp/mesos                           ; mesos_slave_work_dir           ; DC/OS fixes the agent's work dir
            bootstrap_url=file:///opt/dcos                            ; bootstrap_url                  ; bootstrap server
            isolaton=docker/volume                                    ; isolaton                       ; unknown to driver dcos_centos_v1
            @network_driver=dcos-overlay|dcos_overlay_enable=false    ; dcos_overlay_enable            ; network_driver dcos-overlay
            @network_driver=calico|calico_enabled=false               ; calico_enabled                 ; network_driver calico
            @master_lb_enabled=true                                   ; exhibitor_storage_backend      ; master_http_loadbalancer discovery
            @dns_nameserver=198.51.100.1                              ; dns_nameserver                 ; Spartan
            @dns_nameserver=dns.example.org                           ; dns_nameserver                 ; IPv4
            """)
    void refusesNamingTheLabelAndTheRule(String labels, String label, String rule) {
        ClusterTemplateBuilder template = Fixtures.blueprintTemplate().toBuilder();
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : labels.split("\\|")) {
            int eq = pair.indexOf('=');
            String key = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            switch (key) {
                case "@network_driver" -> template.networkDriver(value);
                case "@master_lb_enabled" -> template.masterLbEnabled(Boolean.parseBoolean(value));
                case "@dns_nameserver" -> template.dnsNameserver(value);
                default -> values.put(key, value);
            }
        }
        ClusterTemplate invalid = template.labels(values).build();

        assertThatThrownBy(() -> driver.validateTemplate(invalid))
                .isInstanceOfSatisfying(MagnetarException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.kind()).isEqualTo(ErrorKind.INVALID))
                .hasMessageContaining(label.startsWith("dns_nameserver") ? "dns_nameserver '" : "label '" + label + "'")
                .hasMessageContaining(rule);
    }
}

package io.github.qlikevents.camel.cluster;

import java.util.UUID;

import io.github.qlikevents.camel.state.JdbcStateRepository;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JdbcClusterService and JdbcStateRepository configured with camel-main's {@code camel.beans.*} properties, on one
 * data source bean: every property binds from its text, the durations as ISO-8601 and as milliseconds. (camel-main
 * 4.17 adds to the context the cluster services declared as YAML {@code beans:}, which {@code master-database-yaml}
 * runs, but not those of {@code camel.beans.*}, which it creates later: {@code master:} then finds none.)
 */
class ClusterBeansFromPropertiesTest {

    @Test
    void theBeansBindFromProperties() throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.beans.qlikDb", "#class:org.h2.jdbcx.JdbcDataSource");
        main.addInitialProperty("camel.beans.qlikDb.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        main.addInitialProperty("camel.beans.qlikCluster", "#class:" + JdbcClusterService.class.getName());
        main.addInitialProperty("camel.beans.qlikCluster.id", "replica-a");
        main.addInitialProperty("camel.beans.qlikCluster.dataSource", "#bean:qlikDb");
        main.addInitialProperty("camel.beans.qlikCluster.leaseDuration", "PT9S");
        main.addInitialProperty("camel.beans.qlikPositions", "#class:" + JdbcStateRepository.class.getName());
        main.addInitialProperty("camel.beans.qlikPositions.dataSource", "#bean:qlikDb");
        main.addInitialProperty("camel.beans.qlikPositions.leaseDuration", "9000");
        main.start();
        try {
            JdbcClusterService cluster = main.getCamelContext().getRegistry().lookupByNameAndType("qlikCluster",
                    JdbcClusterService.class);
            assertThat(cluster.getId()).isEqualTo("replica-a");
            assertThat(cluster.getLeaseDuration()).isEqualTo("PT9S");
            assertThat(cluster.getDataSource()).isInstanceOf(org.h2.jdbcx.JdbcDataSource.class);
            JdbcStateRepository positions = main.getCamelContext().getRegistry().lookupByNameAndType("qlikPositions",
                    JdbcStateRepository.class);
            positions.start();
            assertThat(positions.leaseTiming().lease().toSeconds()).isEqualTo(9);
        } finally {
            main.stop();
        }
    }
}

# The mlmon exporter image: `docker build -t mlmon .` from the repository root.
# Stage 1 builds the jar with Maven (tests run in CI, not here); stage 2 is a JRE 17 runtime
# that runs it as an unprivileged user.

FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY exporter/pom.xml exporter/
COPY exporter/src exporter/src
RUN mvn -B -ntp -q -DskipTests -Dspotless.check.skip=true package

FROM eclipse-temurin:17-jre-jammy
RUN groupadd --system --gid 10910 mlmon \
 && useradd --system --uid 10910 --gid mlmon --home-dir /var/lib/mlmon --shell /usr/sbin/nologin mlmon \
 && mkdir -p /etc/mlmon /var/lib/mlmon /var/log/model \
 && chown mlmon:mlmon /var/lib/mlmon /var/log/model
COPY --from=build /src/exporter/target/mlmon.jar /opt/mlmon/mlmon.jar
COPY exporter/src/main/jvm/hotspot_compiler /opt/mlmon/hotspot_compiler
USER 10910:10910
WORKDIR /var/lib/mlmon
EXPOSE 10910
# Without curl or wget in the image: bash's /dev/tcp asks /-/healthy on the default port.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/10910 && printf 'GET /-/healthy HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# The JVM options of ./mlmon (docs/performance.md): the serial collector, a small initial heap that
# grows only as far as the state needs (up to 75% of the container's memory limit), C1 only,
# inlining the methods every line goes through.
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:PretenureSizeThreshold=4m", "-Xms16m", "-XX:TieredStopAtLevel=1", "-XX:CompileCommandFile=/opt/mlmon/hotspot_compiler", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/mlmon/mlmon.jar"]
CMD ["run", "--config", "/etc/mlmon/mlmon.yml"]

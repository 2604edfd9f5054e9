// Transport security: HTTPS with --tls-cert/--tls-key answers a real TLS request (a throwaway
// self-signed certificate made with the openssl command here), refuses a plain-HTTP one, and
// marks the session cookie Secure; plain HTTP binds beyond loopback only with insecure_bind.
#include <cstdlib>

#include "http_fixture.hpp"

namespace guarantor::testing {
namespace {

class Transport : public HttpTest {};

// A self-signed P-256 certificate for localhost/127.0.0.1, valid one day, in `dir`.
void make_certificate(const std::filesystem::path& dir) {
  const std::string command = fmt::format(
      "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=localhost "
      "-addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout '{}' -out '{}' > /dev/null 2>&1",
      (dir / "key.pem").string(), (dir / "cert.pem").string());
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
}

TEST_P(Transport, HttpsAnswersARealTlsRequest) {
  make_certificate(db_->scratch());
  server::ServerOptions options;
  options.tls_cert = db_->scratch() / "cert.pem";
  options.tls_key = db_->scratch() / "key.pem";
  RunningServer secure(*workspace_, *base_, options);
  ASSERT_TRUE(secure.server->tls());

  httplib::SSLClient client("127.0.0.1", secure.port);
  client.set_ca_cert_path(options.tls_cert.c_str());
  client.enable_server_certificate_verification(true);
  client.set_read_timeout(30, 0);
  auto pledges = client.Get("/api/v1/pledges", as("planner"));
  ASSERT_TRUE(pledges) << "TLS request failed: " << httplib::to_string(pledges.error());
  EXPECT_EQ(pledges->status, 200);
  EXPECT_EQ(json_of(pledges).at("total"), base_->coalition.pledges.size());
  auto login = client.Post("/api/v1/login", nlohmann::json{{"user", "planner"}, {"password", PASSWORD}}.dump(),
                           "application/json");
  ASSERT_TRUE(login);
  EXPECT_EQ(login->status, 200);
  EXPECT_NE(login->get_header_value("Set-Cookie").find("Secure"), std::string::npos)
      << login->get_header_value("Set-Cookie");

  // The same port spoken to in plain HTTP gets no answer.
  httplib::Client plain("127.0.0.1", secure.port);
  plain.set_read_timeout(5, 0);
  auto cleartext = plain.Get("/api/v1/pledges", as("planner"));
  EXPECT_TRUE(!cleartext || cleartext->status != 200);
}

TEST_P(Transport, BadCertificateFilesAreRefusedWithTheirName) {
  server::ServerOptions options;
  options.host = "127.0.0.1";
  options.port = 0;
  options.tls_cert = db_->scratch() / "missing-cert.pem";
  options.tls_key = db_->scratch() / "missing-key.pem";
  server::Server broken(*workspace_, *base_, options);
  try {
    broken.bind();
    FAIL() << "a server started with missing certificate files";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::FileNotFound);
    EXPECT_EQ(error.where(), options.tls_cert.string());
  }
}

TEST_P(Transport, PlainHttpBeyondLoopbackOnlyWithInsecureBind) {
  server::ServerOptions options;
  options.host = "0.0.0.0";
  options.port = 0;
  options.insecure_bind = true;
  server::Server exposed(*workspace_, *base_, options);
  const int port = exposed.bind();
  EXPECT_GT(port, 0);
  EXPECT_FALSE(exposed.tls());
}

// Transport does not depend on the database: SQLite only.
INSTANTIATE_TEST_SUITE_P(Backends, Transport, ::testing::Values(Backend::Sqlite), backend_param_name);

}  // namespace
}  // namespace guarantor::testing
